import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { capitalise } from "../../domain/supply/Capitalisation.js"
import type { ReceiptId } from "../../domain/supply/Ids.js"
import { type CostDocument, validateCostDocuments } from "../../domain/supply/LandedCost.js"
import { AlreadyCapitalised, InvalidCostDocument } from "../../domain/supply/Outcomes.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { Procurement } from "./Procurement.js"
import { Rollback, today, transactionally } from "./Rollback.js"

/**
 * Capitalises landed costs on a posted receipt: each document allocated exactly over the lines
 * (largest remainder), the share of units still in stock added to inventory value (moving
 * average), the rest to cost of goods sold. A document is capitalised once, ever: the whole
 * request is refused if any was before. `LandedCostsCapitalised | InvalidCostDocument |
 * AlreadyCapitalised | NotFound | Refusal`; every document is audited.
 */
export const capitaliseLandedCosts = fn("Supply.capitaliseLandedCosts")(function*(
  actor: Actor,
  tenant: TenantId,
  receiptId: ReceiptId,
  documents: ReadonlyArray<CostDocument>
) {
  const refused = yield* authorize(actor, "supply.cost", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const procurement = yield* Procurement
  const ledger = yield* InventoryLedger
  const receipt = yield* procurement.receipt(tenant, receiptId)
  if (Option.isNone(receipt)) return new NotFound({ entity: "receipt", id: receiptId })
  const issues = validateCostDocuments(receipt.value, documents)
  if (issues.length > 0) return new InvalidCostDocument({ issues })
  const auditTrail = yield* AuditTrail
  const on = yield* today
  const outcome = yield* transactionally(Effect.gen(function*() {
    const skus = [...new Set(receipt.value.lines.map((l) => l.sku))]
    const valuations = yield* ledger.valuations(tenant, skus, true)
    const sequence = yield* ledger.lastSequence(tenant, `receipt:${receiptId}`)
    if (Option.isNone(sequence)) return yield* Effect.die(new InvariantViolation({ message: `receipt ${receiptId} has no ledger movements` }))
    const inbound = yield* ledger.inboundAfter(tenant, skus, sequence.value)
    const result = capitalise({
      receipt: receipt.value,
      documents,
      valuations: new Map(valuations.map((v) => [v.sku, v])),
      inboundAfter: new Map(inbound.map((i) => [i.sku, i.quantity])),
      on
    })
    const recorded = yield* procurement.recordAllocations(tenant, result.outcome.documents, on)
    if (recorded.length < documents.length) {
      const before = documents.map((d) => d.id).filter((id) => !recorded.includes(id))
      return yield* new Rollback({ outcome: new AlreadyCapitalised({ receiptId, documentIds: before }) })
    }
    yield* ledger.post(tenant, { movements: [], entries: result.entries, valuations: result.valuations })
    for (const allocation of result.outcome.documents) {
      yield* auditTrail.record(supplyAudit("supply.landed-cost.capitalise", actor, tenant, result.outcome._tag, {
        target: { type: "cost-document", id: allocation.documentId },
        details: { receiptId, kind: allocation.kind, basis: allocation.basis, amount: allocation.amount.amount, currency: allocation.amount.currency }
      }))
    }
    return result.outcome
  }))
  if (outcome._tag === "AlreadyCapitalised") {
    yield* auditTrail.record(supplyAudit("supply.landed-cost.capitalise", actor, tenant, outcome._tag, {
      target: { type: "receipt", id: receiptId },
      reason: `capitalised before: ${outcome.documentIds.join(", ")}`
    }))
  }
  return outcome
})
