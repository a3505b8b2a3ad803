import { Effect, Layer } from "effect"
import { AuditListeners } from "../../orchestration/audit/AuditListeners.js"
import { reactToAudit } from "../../orchestration/audit/reactToAudit.js"
import type { Notifications } from "../../orchestration/notifications/Notifications.js"
import type { Transactions } from "../../orchestration/shared/Transactions.js"

/**
 * baton's listeners (`domain/audit/Listeners.ts`), each run by the `reactToAudit` orchestrator
 * over the ports captured when the layer is built. A host with listeners of its own wraps this
 * layer's service and hands the others on.
 */
export const make = Effect.map(Effect.context<Notifications | Transactions>(), (context) =>
  AuditListeners.of({
    react: (listener, record) => reactToAudit(listener, record).pipe(Effect.provide(context))
  }))

export const layer: Layer.Layer<AuditListeners, never, Notifications | Transactions> = Layer.effect(AuditListeners, make)
