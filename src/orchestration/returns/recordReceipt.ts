import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { ReceiptRecorded } from "../../domain/returns/ReturnOutcomes.js"
import { type RmaId, RmaReceipt } from "../../domain/returns/Rma.js"
import { transition } from "../../domain/returns/RmaTransitions.js"
import { actorRef, type Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import type { WarehouseId } from "../../domain/supply/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { changeRma } from "./changeRma.js"
import { Arrived, RmaWorkflow, runOf, wake } from "./RmaWorkflow.js"

/**
 * Records that the goods of an authorised RMA arrived at a warehouse (`returns.receive`,
 * warehouse staff), then resumes its workflow — starting it first if it never started (a crash
 * between the authorisation's commit and the workflow's start; starting a running one is a
 * no-op). `ReceiptRecorded | InvalidRmaTransition` (e.g. expired; or received already, when the
 * workflow is woken again in case its signal was lost) `| NotFound` or a refusal; audited, the
 * customer notified.
 */
export const recordReceipt = fn("Returns.recordReceipt")(function*(actor: Actor, tenant: TenantId, id: RmaId, warehouseId: WarehouseId) {
  const refused = yield* authorize(actor, "returns.receive", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const now = yield* DateTime.now
  const receipt = new RmaReceipt({ warehouseId, receivedOn: dayOfMillis(DateTime.toEpochMillis(now)) })
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const changed = yield* changeRma(
    tenant,
    id,
    (rma) => Effect.succeed(transition(rma, { _tag: "Receive", at: now, actor: actorRef(actor), receipt })),
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.receive", actor, tenant, id, "ReceiptRecorded", { details: { warehouse: warehouseId } })),
        notifications.emit(customerNotice("returns.received", tenant, rma))
      )
  )
  if (Either.isLeft(changed)) {
    const left = changed.left
    if (left._tag === "InvalidRmaTransition" && left.state === "Received") yield* wake(tenant, id, Arrived)
    return left
  }
  yield* RmaWorkflow.execute(runOf(tenant, changed.right), { discard: true })
  yield* wake(tenant, id, Arrived)
  return new ReceiptRecorded({ rma: changed.right })
})
