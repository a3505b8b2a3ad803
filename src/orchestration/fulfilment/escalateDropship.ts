import { Effect, Either, Option } from "effect"
import { DeadlinePassed } from "../../domain/fulfilment/DropshipEvents.js"
import { atRiskToCustomer, dropshipAudit, overdueNotice } from "../../domain/fulfilment/DropshipIntents.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { applyDropshipEvent } from "./applyDropshipEvent.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { workflowActor } from "./placePurchaseOrder.js"

/**
 * A deadline passed: `overdue` tells operations, `atRisk` marks the line at risk and tells the
 * customer. The state machine lets each level through once, so a repeated step changes and
 * notifies nothing; returns whether it escalated now.
 */
export const escalateDropship = fn("Fulfilment.escalateDropship")(function*(ref: DropshipRef, level: "overdue" | "atRisk") {
  const escalated = yield* applyDropshipEvent(ref, new DeadlinePassed({ level }), (_, after) =>
    Effect.gen(function*() {
      yield* (yield* Notifications).emit(level === "overdue" ? overdueNotice(after) : atRiskToCustomer(after))
      yield* (yield* AuditTrail).record(dropshipAudit(`supply.dropship.${level}`, workflowActor, after, "DeadlinePassed"))
      return Option.none<never>()
    }))
  return Either.isRight(escalated)
})
