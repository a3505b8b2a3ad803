import { Effect, Layer } from "effect"
import { AuditListeners } from "../../orchestration/audit/AuditListeners.js"
import { reactToAudit } from "../../orchestration/audit/reactToAudit.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { capture, withServices } from "../CapturedServices.js"

/**
 * baton's listeners (`domain/audit/Listeners.ts`), each run by the `reactToAudit` orchestrator
 * over the ports captured when the layer is built. A host with listeners of its own wraps this
 * layer's service and hands the others on.
 */
export const make = Effect.map(capture(Notifications, Transactions), (ports) =>
  AuditListeners.of({
    react: (listener, record) => reactToAudit(listener, record).pipe(withServices(ports))
  }))

export const layer: Layer.Layer<AuditListeners, never, Notifications | Transactions> = Layer.effect(AuditListeners, make)
