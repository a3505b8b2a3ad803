import { Duration, Effect, Layer } from "effect"
import { defaultPolicy, type DeliveryPolicy } from "../../domain/outbox/DeliveryPolicy.js"
import type { AuditListeners } from "../../orchestration/audit/AuditListeners.js"
import type { AuditLog } from "../../orchestration/audit/AuditLog.js"
import type { NotificationChannels } from "../../orchestration/notifications/NotificationChannels.js"
import type { NotificationSubscriptions } from "../../orchestration/notifications/NotificationSubscriptions.js"
import type { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import type { Outbox } from "../../orchestration/outbox/Outbox.js"
import { dispatchDue } from "../../orchestration/outbox/dispatchDue.js"
import { runDispatcher } from "../../orchestration/outbox/runDispatcher.js"
import type { Transactions } from "../../orchestration/shared/Transactions.js"

export interface DispatcherConfig {
  readonly policy: DeliveryPolicy
  readonly pollInterval: Duration.Duration
  /** How long a due round waits for more commits to deliver with it. */
  readonly gather: Duration.Duration
  readonly batchSize: number
  readonly concurrency: number
  readonly lease: Duration.Duration
}

export const defaults: DispatcherConfig = {
  policy: defaultPolicy,
  pollInterval: Duration.seconds(1),
  gather: Duration.millis(25),
  batchSize: 100,
  concurrency: 8,
  lease: Duration.minutes(1)
}

/** Runs the outbox dispatcher for the lifetime of the layer; closing the layer stops it. */
export const layer = (
  config: Partial<DispatcherConfig> = {}
): Layer.Layer<
  never,
  never,
  Outbox | AuditLog | AuditListeners | NotificationChannels | NotificationSubscriptions | DispatcherSignal | Transactions
> =>
  Layer.scopedDiscard(
    Effect.gen(function*() {
      const options = { ...defaults, ...config }
      yield* Effect.logInfo("outbox dispatcher started").pipe(Effect.annotateLogs({
        pollIntervalMs: Duration.toMillis(options.pollInterval),
        maxAttempts: options.policy.maxAttempts
      }))
      yield* Effect.addFinalizer(() => Effect.logInfo("outbox dispatcher stopped"))
      yield* Effect.forkScoped(runDispatcher(dispatchDue(options), options))
    })
  )
