import { DateTime, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { dropshipAudit } from "../../domain/fulfilment/DropshipIntents.js"
import { DropshipStarted } from "../../domain/fulfilment/DropshipOutcomes.js"
import { openDropship } from "../../domain/fulfilment/Opening.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Procurement } from "../supply/Procurement.js"
import { Sales } from "../supply/Sales.js"
import { DropshipPolicy } from "./DropshipPolicy.js"
import { type DropshipRef, DropshipWorkflow } from "./DropshipWorkflow.js"
import { Dropships } from "./Dropships.js"

/**
 * Starts the durable fulfilment of a dropship line, for a caller that has authorized it (the
 * tenant's `startDropship`, or a process that created the line, such as an RMA's replacement).
 * Idempotent per line: the first call stores the record and starts the workflow; later calls
 * find the record and make sure its workflow runs. `DropshipStarted | NotDropshippable | NotFound`.
 */
export const beginDropship = fn("Fulfilment.beginDropship")(function*(actor: Actor, ref: DropshipRef) {
  const dropships = yield* Dropships
  const existing = yield* dropships.find(ref.tenantId, ref.salesOrderId, ref.lineNo)
  if (Option.isSome(existing)) {
    yield* DropshipWorkflow.execute(ref, { discard: true })
    return new DropshipStarted({ dropship: existing.value, created: false })
  }
  const order = yield* (yield* Sales).salesOrder(ref.tenantId, ref.salesOrderId)
  const line = Option.flatMap(order, (o) => Option.fromNullable(o.lines.find((l) => l.lineNo === ref.lineNo)))
  if (Option.isNone(order) || Option.isNone(line)) return new NotFound({ entity: "sales order line", id: `${ref.salesOrderId}/${ref.lineNo}` })
  const procurement = yield* Procurement
  const vendors = line.value.vendorId === undefined ? [] : yield* procurement.vendors(ref.tenantId, [line.value.vendorId])
  const opened = openDropship({
    tenantId: ref.tenantId,
    order: order.value,
    lineNo: ref.lineNo,
    vendor: Option.fromNullable(vendors[0]),
    terms: yield* procurement.terms(ref.tenantId, [line.value.sku]),
    policy: yield* DropshipPolicy,
    now: yield* DateTime.now
  })
  if (Either.isLeft(opened)) return opened.left
  const created = yield* dropships.create(opened.right)
  if (created) yield* (yield* AuditTrail).record(dropshipAudit("supply.dropship.start", actor, opened.right, "DropshipStarted"))
  const stored = created ? opened.right : Option.getOrElse(yield* dropships.find(ref.tenantId, ref.salesOrderId, ref.lineNo), () => opened.right)
  yield* DropshipWorkflow.execute(ref, { discard: true })
  return new DropshipStarted({ dropship: stored, created })
})

/** Starts the dropship fulfilment of a sales order line (`supply.dropship` in the tenant); see `beginDropship`. */
export const startDropship = fn("Fulfilment.startDropship")(function*(actor: Actor, tenantId: TenantId, salesOrderId: SalesOrderId, lineNo: number) {
  const refused = yield* authorize(actor, "supply.dropship", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return yield* beginDropship(actor, { tenantId, salesOrderId, lineNo })
})
