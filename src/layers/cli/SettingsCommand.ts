import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Console, Data, Effect, Match, Option } from "effect"
import { SystemActor } from "../../domain/shared/Actor.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { getSettings } from "../../orchestration/settings/getSettings.js"
import { setSetting } from "../../orchestration/settings/setSetting.js"
import type { Refusal } from "../../orchestration/access/authorize.js"

/** A command that ran but whose outcome is a refusal: printed, and the exit code is 1. */
export class CommandRefused extends Data.TaggedError("CommandRefused")<{ readonly message: string }> {}

/** An authorization refusal (the CLI acts as baton itself, so it only meets one through a host's resolver). */
export const refusedBy = (refusal: Refusal) => new CommandRefused({ message: `refused: ${refusal._tag}` })

const cli = new SystemActor({ component: "cli" })

const tenant = Options.text("tenant").pipe(
  Options.withSchema(TenantId),
  Options.withDescription("a tenant id: read or write that tenant's overrides"),
  Options.optional
)

/** A value is JSON (`true`, `15`, `"x"`); anything that is not JSON is taken as a plain string. */
const parseValue = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

const get = Command.make(
  "get",
  { tenant, key: Args.text({ name: "key" }).pipe(Args.optional) },
  ({ key, tenant }) =>
    Effect.gen(function*() {
      const all = yield* getSettings(tenant)
      const shown = Option.match(key, { onNone: () => all, onSome: (k) => all.filter((s) => s.key === k) })
      if (shown.length === 0) return yield* new CommandRefused({ message: `unknown setting: ${Option.getOrElse(key, () => "")}` })
      const width = Math.max(...shown.map((s) => s.key.length))
      for (const s of shown) yield* Console.log(`${s.key.padEnd(width)}  ${JSON.stringify(s.value)}  (${s.source})`)
    })
).pipe(Command.withDescription("Show settings with their effective values and where each comes from"))

const set = Command.make(
  "set",
  { tenant, key: Args.text({ name: "key" }), value: Args.text({ name: "value" }) },
  ({ key, tenant, value }) =>
    setSetting(cli, { key, value: parseValue(value), tenantId: Option.getOrUndefined(tenant) }).pipe(
      Effect.flatMap(Match.valueTags({
        SettingUpdated: (updated) => Console.log(`${updated.key} = ${JSON.stringify(updated.value)}`),
        UnknownSetting: ({ key }) => new CommandRefused({ message: `unknown setting: ${key}` }),
        SettingNotOverridable: ({ key }) => new CommandRefused({ message: `${key} is platform-wide: it has no tenant overrides` }),
        InvalidSettingValue: ({ issues, key }) =>
          new CommandRefused({
            message: `invalid value for ${key}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`
          }),
        PermissionDenied: refusedBy,
        ReauthenticationRequired: refusedBy,
        TenantNotActive: refusedBy,
        NotFound: refusedBy
      }))
    )
).pipe(Command.withDescription("Set a setting (platform-wide, or a tenant's override); the value is JSON or a plain string"))

export const command = Command.make("settings").pipe(
  Command.withDescription("Read and change settings and feature flags"),
  Command.withSubcommands([get, set])
)
