import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { inspect, type Override, underWarranty } from "../../domain/returns/Disposition.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { InspectionRecorded } from "../../domain/returns/ReturnOutcomes.js"
import type { Condition, RmaId } from "../../domain/returns/Rma.js"
import { VendorWarrantyDays } from "../../domain/returns/ReturnSettings.js"
import { transition } from "../../domain/returns/RmaTransitions.js"
import { actorRef, type Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Issue, NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { preferredTerms } from "../../domain/supply/MasterData.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Procurement } from "../supply/Procurement.js"
import { changeRma } from "./changeRma.js"
import { Rmas } from "./Rmas.js"
import { Inspected, wake } from "./RmaWorkflow.js"

/**
 * Records the inspection of received goods (`returns.receive`): the condition found gives the
 * disposition by the rules (the vendor under warranty is the line's dropship vendor, else the
 * item's preferred vendor), unless overridden with a reason (audited with it). Then resumes the
 * workflow, which settles the RMA. `InspectionRecorded | InvalidRmaTransition | ValidationFailed
 * | NotFound` or a refusal. Recorded already, the workflow is woken again (its signal may have been lost).
 */
export const recordInspection = fn("Returns.recordInspection")(function*(
  actor: Actor,
  tenant: TenantId,
  id: RmaId,
  input: { readonly condition: Condition; readonly override?: Override | undefined }
) {
  const refused = yield* authorize(actor, "returns.receive", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const found = yield* (yield* Rmas).find(tenant, id)
  if (Option.isNone(found)) return new NotFound({ entity: "rma", id })
  const now = yield* DateTime.now
  const today = dayOfMillis(DateTime.toEpochMillis(now))
  const vendorId = found.value.vendorId ?? preferredTerms(yield* (yield* Procurement).terms(tenant, [found.value.sku]))?.vendorId
  const warranty = underWarranty({ vendorId, deliveredOn: found.value.deliveredOn }, today, yield* (yield* Settings).get(VendorWarrantyDays, tenant))
  const inspection = inspect(input.condition, warranty, today, input.override)
  if (Either.isLeft(inspection)) return new ValidationFailed({ issues: [new Issue({ path: "override.reason", message: inspection.left })] })
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const changed = yield* changeRma(
    tenant,
    id,
    (rma) => Effect.succeed(transition(rma, { _tag: "Inspect", at: now, actor: actorRef(actor), inspection: inspection.right })),
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.inspect", actor, tenant, id, "InspectionRecorded", {
          ...(inspection.right.overrideReason === undefined ? {} : { reason: inspection.right.overrideReason }),
          details: { condition: input.condition, disposition: inspection.right.disposition, ruled: inspection.right.ruled, overridden: inspection.right.overrideReason !== undefined }
        })),
        notifications.emit(customerNotice("returns.inspected", tenant, rma, { condition: input.condition }))
      )
  )
  if (Either.isLeft(changed)) {
    const left = changed.left
    if (left._tag === "InvalidRmaTransition" && left.state === "Inspected") yield* wake(tenant, id, Inspected)
    return left
  }
  yield* wake(tenant, id, Inspected)
  return new InspectionRecorded({ rma: changed.right })
})
