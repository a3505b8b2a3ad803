import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent } from "../../domain/audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../../domain/notifications/NotificationIntent.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { authorize } from "../access/authorize.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { AuditTrail } from "./AuditTrail.js"
import { AuditLog } from "./AuditLog.js"

/**
 * `GET /audit/verify` (platform-wide `audit.read`): walks the whole chain. `Intact | Broken |
 * Refusal`. Every verification is audited; a break also alerts the operators (security).
 */
export const verifyAuditChain = fn("Audit.verifyAuditChain")(function*(actor: Actor) {
  const refused = yield* authorize(actor, "audit.read", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const verdict = yield* (yield* AuditLog).verify
  const details = verdict._tag === "Intact"
    ? { records: verdict.records, head: verdict.head.hash, sequence: verdict.head.sequence }
    : { at: verdict.at, reason: verdict.reason, detail: verdict.detail }
  yield* (yield* AuditTrail).record(new AuditIntent({ action: "audit.verify", actor, outcome: verdict._tag, details }))
  if (verdict._tag === "Broken") {
    yield* (yield* Notifications).emit(
      new NotificationIntent({ kind: "audit.chain.broken", category: "security", audience: new OperationsAudience(), data: details })
    )
  }
  return verdict
})
