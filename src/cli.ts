import * as Command from "@effect/cli/Command"
import * as ValidationError from "@effect/cli/ValidationError"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Console, Effect, Layer, Option } from "effect"
import * as BatonConfig from "./layers/config/BatonConfig.js"
import * as Logging from "./layers/config/Logging.js"
import * as AdminCommand from "./layers/cli/AdminCommand.js"
import * as AuditCommand from "./layers/cli/AuditCommand.js"
import * as ModulesCommand from "./layers/cli/ModulesCommand.js"
import * as OutboxCommand from "./layers/cli/OutboxCommand.js"
import * as SettingsCommand from "./layers/cli/SettingsCommand.js"
import * as SupplyCommand from "./layers/cli/SupplyCommand.js"
import * as Service from "./layers/Service.js"
import * as Database from "./layers/sql/Database.js"
import * as Migrations from "./layers/sql/Migrations.js"
import { reportStartupFailure } from "./layers/StartupFailure.js"

const migrate = Command.make("migrate", {}, () =>
  Effect.gen(function*() {
    const applied = yield* Migrations.run
    yield* Console.log(
      applied.length === 0 ? "the database is up to date" : applied.map(([id, name]) => `applied ${id}_${name}`).join("\n")
    )
  }).pipe(Effect.provide(Layer.unwrapEffect(Effect.map(BatonConfig.database, Database.layer))))).pipe(
    Command.withDescription("Apply the database migrations not yet applied")
  )

const baton = Command.make("baton").pipe(
  Command.withDescription("baton's command line: the same orchestrators as the service, on the configured database"),
  Command.withSubcommands([
    migrate,
    SettingsCommand.command.pipe(Command.provide(Service.core)),
    AdminCommand.command.pipe(Command.provide(Service.core)),
    OutboxCommand.command.pipe(Command.provide(Service.core)),
    AuditCommand.command.pipe(Command.provide(Service.core)),
    SupplyCommand.command.pipe(Command.provide(Service.core)),
    ModulesCommand.command.pipe(Command.provide(Service.core))
  ])
)

const run = Command.run(baton, { name: "baton", version: "0.1.0" })

run(process.argv).pipe(
  Effect.tapErrorCause((cause) =>
    Option.match(Cause.failureOption(cause), {
      onNone: () => reportStartupFailure(cause),
      onSome: (error) =>
        ValidationError.isValidationError(error)
          ? Effect.void
          : error instanceof SettingsCommand.CommandRefused
          ? Console.error(`baton: ${error.message}`)
          : reportStartupFailure(cause)
    })
  ),
  Effect.provide(Layer.mergeAll(NodeContext.layer, Logging.layer)),
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true })
)
