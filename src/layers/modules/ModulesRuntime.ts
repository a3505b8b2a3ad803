import type * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { Duration, Effect, Layer } from "effect"
import * as InstallationWorkflow from "../../orchestration/modules/InstallationWorkflow.js"
import { runInstallationScheduler, type SchedulerOptions } from "../../orchestration/modules/runInstallationScheduler.js"
import * as ModulesConfig from "./ModulesConfig.js"

export const defaults: SchedulerOptions = { pollInterval: Duration.millis(500), staleAfter: Duration.minutes(1), batch: 100 }

/**
 * The installation saga registered with the workflow engine, and the scheduler that starts queued
 * jobs in their tenant's turn and reconciles stuck ones, for the lifetime of the layer.
 */
export const layer = (options: Partial<SchedulerOptions> = {}) =>
  Layer.merge(
    InstallationWorkflow.layer,
    Layer.scopedDiscard(Effect.gen(function*() {
      const settings = { ...defaults, ...options }
      yield* Effect.forkScoped(runInstallationScheduler(settings))
      yield* Effect.logDebug("installation scheduler started").pipe(Effect.annotateLogs({ pollIntervalMs: Duration.toMillis(settings.pollInterval) }))
    }))
  )

/** The runtime paced by `BATON_MODULES_POLL_MS` and `BATON_MODULES_STALE_MS`. */
export const layerConfig = Layer.unwrapEffect(Effect.map(ModulesConfig.scheduler, (options) => layer(options)))

export type Requirements = Layer.Layer.Context<ReturnType<typeof layer>> | WorkflowEngine.WorkflowEngine
