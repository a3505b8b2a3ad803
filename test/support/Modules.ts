import type * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { assert } from "@effect/vitest"
import { Duration, Effect, Layer, Option } from "effect"
import { type InstallationJob, isSettled, type JobId } from "../../src/domain/modules/InstallationJob.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import type { ModuleDefinition } from "../../src/layers/modules/ModuleDefinition.js"
import * as ModuleDefinitions from "../../src/layers/modules/ModuleDefinitions.js"
import * as ModulesRuntime from "../../src/layers/modules/ModulesRuntime.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../../src/layers/workflow/WorkflowEngines.js"
import { publishModule } from "../../src/orchestration/modules/changeModuleStatus.js"
import { Installations } from "../../src/orchestration/modules/Installations.js"
import { registerModule } from "../../src/orchestration/modules/registerModule.js"
import { requestInstall } from "../../src/orchestration/modules/requestInstall.js"
import type { NotificationChannels } from "../../src/orchestration/notifications/NotificationChannels.js"
import { createTenant } from "./Access.js"
import { sqlDatabases } from "./TestDatabases.js"

export const operator = new SystemActor({ component: "test" })

export type ModulesServices = SqlPorts.Ports | NotificationChannels | RecordingNotificationChannels.ChannelRecorder | WorkflowEngine.WorkflowEngine

export interface ModulesFamily {
  readonly name: string
  readonly skip: boolean
  /**
   * Fresh ports, storage, engine and scheduler on every build, with these module definitions;
   * `faults` replaces some of the saga's ports (built over the real ones) to inject failures.
   */
  readonly layer: <F extends PortsOut = never>(modules?: ReadonlyArray<ModuleDefinition>, faults?: Faults<F>) => Layer.Layer<ModulesServices>
}

export type PortsOut = SqlPorts.Ports | NotificationChannels | RecordingNotificationChannels.ChannelRecorder

/** Replacements of some ports (the saga's, to inject failures), built over the real ones. */
export type Faults<F extends PortsOut> = Layer.Layer<F, never, PortsOut>

const withFaults = <X, F extends PortsOut>(ports: Layer.Layer<PortsOut | X>, faults?: Faults<F>): Layer.Layer<PortsOut | X> =>
  faults === undefined ? ports : Layer.merge(ports, faults.pipe(Layer.provide(ports)))

const runtime = ModulesRuntime.layer({ pollInterval: Duration.millis(50), staleAfter: Duration.seconds(30) })

const definitionsFor = (modules?: ReadonlyArray<ModuleDefinition>) =>
  modules === undefined ? Layer.empty : ModuleDefinitions.layer(modules)

/** Memory ports with the in-memory engine; SQLite and PostgreSQL with the durable engine over the same database. */
export const modulesFamilies: ReadonlyArray<ModulesFamily> = [
  {
    name: "memory",
    skip: false,
    layer: (modules, faults) =>
      runtime.pipe(
        Layer.provideMerge(WorkflowEngines.layerMemory),
        Layer.provideMerge(withFaults(MemoryPorts.layer(modules === undefined ? {} : { modules }), faults))
      )
  },
  ...sqlDatabases.map((database): ModulesFamily => ({
    name: database.name,
    skip: database.skip,
    layer: (modules, faults) =>
      runtime.pipe(
        Layer.provideMerge(WorkflowEngines.layerSql({ pollInterval: Duration.millis(50) })),
        Layer.provideMerge(
          withFaults(
            SqlPorts.layer.pipe(
              Layer.provideMerge(RecordingNotificationChannels.layer()),
              Layer.provide(CryptoKit.layerEphemeral()),
              Layer.provide(definitionsFor(modules)),
              Layer.provideMerge(database.layer)
            ),
            faults
          )
        ),
        Layer.orDie
      )
  }))
]

/** Registers and publishes module versions (as the platform). */
export const publish = (...refs: ReadonlyArray<readonly [string, string]>) =>
  Effect.forEach(refs, ([name, version]) =>
    Effect.gen(function*() {
      const registered = yield* registerModule(operator, { name, version })
      assert.strictEqual(registered._tag, "ModuleRegistered", `${name}@${version}: ${JSON.stringify(registered)}`)
      const published = yield* publishModule(operator, name, version)
      assert.strictEqual(published._tag, "ModulePublished", `${name}@${version}: ${JSON.stringify(published)}`)
    }), { discard: true })

/** The shipped catalogue, published. */
export const publishShipped = publish(["Contacts", "1.0.0"], ["DigitalCard", "1.0.0"], ["Loyalty", "1.0.0"])

/** Waits until the job settles (not queued, not in flight); returns it. */
export const awaitSettled = (jobId: JobId, timeout: Duration.DurationInput = "20 seconds") =>
  Effect.flatMap(Installations, (installations) => installations.find(jobId)).pipe(
    Effect.map(Option.getOrThrow),
    Effect.delay("25 millis"),
    Effect.repeat({ until: (job: InstallationJob) => isSettled(job.state, job.queued) }),
    Effect.timeoutFail({ duration: timeout, onTimeout: () => new Error(`job ${jobId} did not settle`) })
  )

/** Asks for an installation as the platform and returns the accepted job's id. */
export const install = (tenant: string, module: string, range = "*") =>
  Effect.gen(function*() {
    const outcome = yield* requestInstall(operator, { tenantId: TenantId.make(tenant), module, range, idempotencyKey: Option.none() })
    assert.strictEqual(outcome._tag, "InstallationAccepted", JSON.stringify(outcome))
    return outcome._tag === "InstallationAccepted" ? outcome.job.id : assert.fail("not accepted")
  })

export { createTenant }
