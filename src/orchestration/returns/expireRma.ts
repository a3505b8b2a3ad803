import { DateTime, Effect, Either } from "effect"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { transition } from "../../domain/returns/RmaTransitions.js"
import { actorRef } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { changeRma, requireRma } from "./changeRma.js"
import { type RmaRun, workflowActor } from "./RmaWorkflow.js"

/**
 * The return window ended (workflow step): an RMA still waiting for its goods expires (audited,
 * the customer notified). Answers whether it is expired: `false` when the goods were received
 * meanwhile (their signal may have been lost), so the workflow goes on to the inspection.
 */
export const expireRma = fn("Returns.expire")(function*(run: RmaRun) {
  const now = yield* DateTime.now
  const [auditTrail, notifications] = yield* Effect.all([AuditTrail, Notifications])
  const changed = yield* changeRma(
    run.tenantId,
    run.rmaId,
    (rma) => Effect.succeed(rma.state === "Authorized" ? transition(rma, { _tag: "Expire", at: now, actor: actorRef(workflowActor) }) : Either.right(rma)),
    (_, rma) =>
      Effect.zipRight(
        auditTrail.record(rmaAudit("returns.expire", workflowActor, run.tenantId, run.rmaId, "Expired", { reason: "nothing arrived within the return window" })),
        notifications.emit(customerNotice("returns.expired", run.tenantId, rma))
      )
  )
  return (yield* requireRma(changed, run.rmaId)).state === "Expired"
})
