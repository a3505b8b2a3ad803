import { DateTime, Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { authorise, receiveBy } from "../../domain/returns/Authorisation.js"
import { customerNotice, rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { Rejected, RmaAuthorized } from "../../domain/returns/ReturnOutcomes.js"
import { type Resolution, Rma, RmaId } from "../../domain/returns/Rma.js"
import { ReturnWindowDays } from "../../domain/returns/ReturnSettings.js"
import { transition } from "../../domain/returns/RmaTransitions.js"
import { actorRef, type Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Notifications } from "../notifications/Notifications.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { InventoryLedger } from "../supply/InventoryLedger.js"
import { Sales } from "../supply/Sales.js"
import { Rmas } from "./Rmas.js"
import { runOf, RmaWorkflow } from "./RmaWorkflow.js"

export interface ReturnInput {
  readonly salesOrderId: SalesOrderId
  readonly lineNo: number
  readonly quantity: number
  readonly reason: string
  readonly resolution: Resolution
}

/**
 * Requests a return of (part of) a shipped sales-order line (`returns.request`). The pure rules
 * decide: `RmaAuthorized` (the RMA's durable workflow starts and waits for the goods until the
 * window ends) or `Rejected { reasons }` listing every rule that failed; either way the RMA is
 * stored, audited and the customer notified. `NotFound` for an unknown sales order; a refusal.
 */
export const requestReturn = fn("Returns.request")(function*(actor: Actor, tenant: TenantId, input: ReturnInput) {
  const refused = yield* authorize(actor, "returns.request", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const order = yield* (yield* Sales).salesOrder(tenant, input.salesOrderId)
  if (Option.isNone(order)) return new NotFound({ entity: "sales-order", id: input.salesOrderId })
  const line = order.value.lines.find((l) => l.lineNo === input.lineNo)
  const item = line === undefined ? [] : yield* (yield* InventoryLedger).items(tenant, [line.sku])
  const rmas = yield* Rmas
  const now = yield* DateTime.now
  const windowDays = yield* (yield* Settings).get(ReturnWindowDays, tenant)
  const decided = authorise(input, { order: order.value, item: item[0], earlier: yield* rmas.forSalesOrder(tenant, input.salesOrderId), today: dayOfMillis(DateTime.toEpochMillis(now)), windowDays })
  const id = RmaId.make(`RMA-${yield* (yield* Ids).next}`)
  const requested = new Rma({
    id, ...input, reason: input.reason.trim(), sku: line?.sku ?? order.value.lines[0].sku, customerId: order.value.customerId, currency: order.value.currency,
    unitPrice: line?.unitPrice ?? 0, ...(line?.warehouseId === undefined ? {} : { warehouseId: line.warehouseId }), ...(line?.vendorId === undefined ? {} : { vendorId: line.vendorId }),
    ...(Either.isRight(decided) ? { deliveredOn: decided.right.deliveredOn } : {}), state: "Requested", rejection: [], stockPosted: false, requestedAt: now, version: 0, history: []
  })
  const by = actorRef(actor)
  const rma = Either.getOrThrow(Either.isRight(decided)
    ? transition(requested, { _tag: "Authorize", at: now, actor: by, receiveBy: receiveBy(decided.right.deliveredOn, windowDays) })
    : transition(requested, { _tag: "Reject", at: now, actor: by, reasons: decided.left }))
  const outcome = Either.isRight(decided) ? new RmaAuthorized({ rma }) : new Rejected({ rmaId: id, reasons: [decided.left[0]!, ...decided.left.slice(1)] })
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* rmas.insert(tenant, rma)
    yield* (yield* AuditTrail).record(rmaAudit("returns.request", actor, tenant, id, outcome._tag, { details: { salesOrder: input.salesOrderId, line: input.lineNo, quantity: input.quantity, rules: rma.rejection.map((r) => r.rule) } }))
    yield* (yield* Notifications).emit(customerNotice(Either.isRight(decided) ? "returns.authorized" : "returns.rejected", tenant, rma))
  }))
  if (outcome._tag === "RmaAuthorized") yield* RmaWorkflow.execute(runOf(tenant, rma), { discard: true })
  return outcome
})
