import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Console, Duration, Effect, Option } from "effect"
import { isSettled, JobId } from "../../domain/modules/InstallationJob.js"
import { describeOutcome } from "../../domain/modules/JobPlanning.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { publishModule } from "../../orchestration/modules/changeModuleStatus.js"
import { getJob } from "../../orchestration/modules/getJob.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { registerModule } from "../../orchestration/modules/registerModule.js"
import { requestInstall } from "../../orchestration/modules/requestInstall.js"
import { render } from "./ProgressBar.js"
import { CommandRefused } from "./SettingsCommand.js"

const cli = new SystemActor({ component: "cli" })
const name = Options.text("module").pipe(Options.withDescription("the module's name, e.g. DigitalCard"))

const refuse = (outcome: { readonly _tag: string }) => new CommandRefused({ message: describeOutcome(outcome) })

/**
 * Follows a job by reading its record (the one the status endpoint and the event stream read),
 * redrawing the progress line on a terminal and printing each change otherwise, until it settles.
 */
const follow = (id: JobId, timeout: Duration.Duration) =>
  Effect.gen(function*() {
    const installations = yield* Installations
    const tty = process.stdout.isTTY === true
    let shown = ""
    const look = Effect.gen(function*() {
      const job = Option.getOrThrow(yield* installations.find(id))
      const line = render(job)
      if (line !== shown) yield* tty ? Effect.sync(() => process.stdout.write(`\r\x1b[2K${line}`)) : Console.log(line)
      shown = line
      return job
    })
    const job = yield* look.pipe(
      Effect.delay("200 millis"),
      Effect.repeat({ until: (j) => isSettled(j.state, j.queued) }),
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: () => new CommandRefused({ message: `not settled within ${Duration.format(timeout)}: the running service starts queued jobs — is it up?` })
      })
    )
    if (tty) yield* Console.log("")
    if (job.state === "Failed" || job.state === "ManualIntervention") {
      return yield* new CommandRefused({ message: `${job.state}: ${Option.getOrElse(job.error, () => "")}` })
    }
  })

const install = Command.make(
  "install",
  {
    tenant: Options.text("tenant").pipe(Options.withSchema(TenantId), Options.withDescription("the tenant's id")),
    module: name,
    version: Options.text("version").pipe(Options.withDefault("*"), Options.withDescription("a version range (default: the newest published)")),
    key: Options.text("idempotency-key").pipe(Options.optional),
    timeout: Options.integer("timeout").pipe(Options.withDefault(300), Options.withDescription("seconds to follow the job"))
  },
  ({ key, module, tenant, timeout, version }) =>
    Effect.gen(function*() {
      const outcome = yield* requestInstall(cli, { tenantId: tenant, module, range: version, idempotencyKey: key })
      if (outcome._tag !== "InstallationAccepted") return yield* refuse(outcome)
      yield* Console.log(`job ${outcome.job.id}: ${module}@${outcome.job.version} into ${tenant}`)
      yield* follow(outcome.job.id, Duration.seconds(timeout))
    })
).pipe(Command.withDescription("Install a module into a tenant and follow its progress (the running service runs the job)"))

const status = Command.make("status", { id: Args.text({ name: "job-id" }).pipe(Args.withSchema(JobId)) }, ({ id }) =>
  Effect.gen(function*() {
    const view = yield* getJob(cli, id)
    if (view._tag !== "JobView") return yield* refuse(view)
    yield* Console.log(render(view.job))
    for (const e of view.history) yield* Console.log(`  ${e.seq}. ${e.state} ${e.step}/${e.steps} ${e.label}${Option.match(e.detail, { onNone: () => "", onSome: (d) => ` — ${d}` })}`)
  })).pipe(Command.withDescription("Show a job: its state, progress, error and history"))

/** Prints an accepted outcome; a refusal ends the command with exit code 1. */
const report = (module: string, version: string, accepted: string) => (outcome: { readonly _tag: string }) =>
  outcome._tag === accepted ? Console.log(`${module}@${version}: ${outcome._tag}`) : refuse(outcome)

const register = Command.make("register", { module: name, version: Options.text("version") }, ({ module, version }) =>
  Effect.flatMap(registerModule(cli, { name: module, version }), report(module, version, "ModuleRegistered"))).pipe(
    Command.withDescription("Register a module version the program declares (Draft)")
  )

const publish = Command.make("publish", { module: name, version: Options.text("version") }, ({ module, version }) =>
  Effect.flatMap(publishModule(cli, module, version), report(module, version, "ModulePublished"))).pipe(
    Command.withDescription("Publish a registered version: tenants may install it")
  )

export const command = Command.make("modules").pipe(
  Command.withDescription("Register, publish and install modules; follow installation jobs"),
  Command.withSubcommands([register, publish, install, status])
)
