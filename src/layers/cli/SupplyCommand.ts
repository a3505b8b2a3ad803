import { readFile } from "node:fs/promises"
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Console, DateTime, Effect, Option, Schema } from "effect"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { SupplyDataSet } from "../../domain/supply/DataSet.js"
import type { AlreadyPosted, SupplyDataLoaded } from "../../domain/supply/Outcomes.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import type { ValidationFailed } from "../../domain/shared/Outcomes.js"
import type { Refusal } from "../../orchestration/access/authorize.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { createTenant } from "../../orchestration/identity/createTenant.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import { loadSampleData } from "../../orchestration/supply/loadSampleData.js"
import { loadSupplyData } from "../../orchestration/supply/loadSupplyData.js"
import { sampleData } from "../supply/SampleData.js"
import { CommandRefused } from "./SettingsCommand.js"
import { type CsvKind, kinds, readDataSet } from "./SupplyCsv.js"

const cli = new SystemActor({ component: "cli" })
const tenant = Options.text("tenant").pipe(Options.withSchema(TenantId), Options.withDescription("the tenant to load into"))

type Loaded = SupplyDataLoaded | ValidationFailed | AlreadyPosted | Refusal

const describe = (outcome: Loaded) => {
  switch (outcome._tag) {
    case "SupplyDataLoaded":
      return Console.log(Object.entries(outcome.counts).filter(([, n]) => n > 0).map(([kind, n]) => `${kind}: ${n}`).join(", "))
    case "ValidationFailed":
      return new CommandRefused({ message: `invalid data:\n${outcome.issues.slice(0, 50).map((i) => `  ${i.path}: ${i.message}`).join("\n")}` })
    case "AlreadyPosted":
      return new CommandRefused({ message: "the sample is loaded already (its receipt R-1001 is posted)" })
    default:
      return new CommandRefused({ message: `refused: ${outcome._tag}` })
  }
}

const loadSample = Command.make("load-sample", { tenant }, ({ tenant }) =>
  Effect.gen(function*() {
    if (Option.isNone(yield* (yield* Tenants).find(tenant))) {
      const created = yield* createTenant(cli, { id: tenant, name: tenant })
      if (created._tag !== "TenantCreated") return yield* new CommandRefused({ message: `tenant ${tenant} not created: ${created._tag}` })
      yield* Console.log(`created tenant ${tenant}`)
    }
    const today = dayOfMillis(DateTime.toEpochMillis(yield* DateTime.now))
    return yield* describe(yield* loadSampleData(cli, tenant, sampleData(today)))
  })).pipe(Command.withDescription("Load baton's sample supply data (a cycling-parts distributor, dated from today), creating the tenant if needed"))

const kind = Options.choice("kind", Object.keys(kinds) as ReadonlyArray<CsvKind>).pipe(
  Options.withDescription("what a CSV file holds (a .json file is a whole data set, as POST /tenants/{id}/supply/data takes)"),
  Options.optional
)

const importFile = Command.make("import", { tenant, kind, file: Args.file({ name: "file", exists: "yes" }) }, ({ file, kind, tenant }) =>
  Effect.gen(function*() {
    const text = yield* Effect.promise(() => readFile(file, "utf8"))
    const data = file.endsWith(".json")
      ? yield* Schema.decodeUnknown(Schema.parseJson(SupplyDataSet), { errors: "all" })(text).pipe(
        Effect.mapError((error) => new CommandRefused({ message: `invalid JSON data set: ${error.message}` }))
      )
      : Option.isNone(kind)
      ? yield* new CommandRefused({ message: "a CSV file needs --kind (items, warehouses, vendors, terms, demand, movements)" })
      : yield* readDataSet(kind.value, text).pipe(Effect.mapError((issues) => new CommandRefused({ message: `invalid CSV:\n  ${issues.slice(0, 50).join("\n  ")}` })))
    return yield* describe(yield* loadSupplyData(cli, tenant, data))
  })).pipe(Command.withDescription("Load supply data from a JSON data set or a CSV file of one kind (all or nothing)"))

export const command = Command.make("supply").pipe(
  Command.withDescription("Supply-chain data: the sample data set, imports"),
  Command.withSubcommands([loadSample, importFile])
)
