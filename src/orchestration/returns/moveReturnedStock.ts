import { DateTime, Effect, Either, Option } from "effect"
import { dispositionMovements, stockReference } from "../../domain/returns/Disposition.js"
import { rmaAudit } from "../../domain/returns/ReturnIntents.js"
import { recordStep } from "../../domain/returns/RmaTransitions.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { preferredTerms } from "../../domain/supply/MasterData.js"
import { ValuationCurrency } from "../../domain/supply/Parameters.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "../supply/InventoryLedger.js"
import { postStock } from "../supply/postStock.js"
import { Procurement } from "../supply/Procurement.js"
import { changeRma, requireRma } from "./changeRma.js"
import { type RmaRun, workflowActor } from "./RmaWorkflow.js"

/**
 * Moves the returned goods through the inventory ledger (workflow step), at the warehouse that
 * received them: in as a customer return, then out to the vendor or to scrap as the
 * disposition says. One posting per RMA, referenced `rma:<id>`: a posting already in the
 * ledger (a crash after it, before the RMA recorded it) is not posted again. A return with no
 * stock to average is valued at the item's preferred purchase price.
 */
export const moveReturnedStock = fn("Returns.moveStock")(function*(run: RmaRun) {
  const [ledger, procurement, auditTrail] = yield* Effect.all([InventoryLedger, Procurement, AuditTrail])
  const currency = yield* (yield* Settings).get(ValuationCurrency, run.tenantId)
  const today = dayOfMillis(DateTime.toEpochMillis(yield* DateTime.now))
  const changed = yield* changeRma(
    run.tenantId,
    run.rmaId,
    (rma) =>
      rma.stockPosted
        ? Effect.succeed(Either.right(rma))
        : Effect.gen(function*() {
          if (rma.inspection === undefined || rma.receipt === undefined) {
            return yield* Effect.die(new InvariantViolation({ message: `RMA ${rma.id} moves stock before its receipt and inspection` }))
          }
          if (Option.isNone(yield* ledger.lastSequence(run.tenantId, stockReference(rma)))) {
            const valuation = (yield* ledger.valuations(run.tenantId, [rma.sku]))[0]
            const unitCost = valuation !== undefined && valuation.quantity > 0
              ? undefined
              : preferredTerms(yield* procurement.terms(run.tenantId, [rma.sku]))?.unitPrice.amount ?? 0
            const posted = yield* postStock(run.tenantId, dispositionMovements(rma, rma.inspection.disposition, rma.receipt.warehouseId, today, unitCost), currency)
            if (Either.isLeft(posted)) {
              return yield* Effect.die(new InvariantViolation({ message: `RMA ${rma.id}: the ledger refused the return: ${posted.left.map((i) => i.message).join("; ")}` }))
            }
          }
          return Either.right(recordStep(rma, { stockPosted: true }))
        }),
    (_, rma) =>
      auditTrail.record(rmaAudit("returns.stock", workflowActor, run.tenantId, run.rmaId, "StockMoved", {
        details: { disposition: rma.inspection?.disposition ?? "", warehouse: rma.receipt?.warehouseId ?? "", quantity: rma.quantity, reference: stockReference(rma) }
      }))
  )
  return (yield* requireRma(changed, run.rmaId)).stockPosted
})
