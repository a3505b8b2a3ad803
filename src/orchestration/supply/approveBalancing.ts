import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { reservedTransfers } from "../../domain/supply/Approval.js"
import type { Sku } from "../../domain/supply/Ids.js"
import { TransfersReserved } from "../../domain/supply/Outcomes.js"
import { TransferLeadTimeDays } from "../../domain/supply/Parameters.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { balancingPlan } from "./proposeBalancing.js"
import { transactionally } from "./Rollback.js"
import { Warehouses } from "./Warehouses.js"

/**
 * Turns the current balancing proposals (all items, or those named) into transfer orders, each
 * reserving its quantity at the source; proposals are computed afresh inside the unit of work,
 * and reserved stock counts as committed, so approving twice proposes nothing the second time.
 * `TransfersReserved | NothingToBalance | Refusal`; every transfer is audited.
 */
export const approveBalancing = fn("Supply.approveBalancing")(function*(actor: Actor, tenant: TenantId, skus?: ReadonlyArray<Sku>) {
  const refused = yield* authorize(actor, "supply.approve", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const leadTime = yield* (yield* Settings).get(TransferLeadTimeDays, tenant)
  const auditTrail = yield* AuditTrail
  const ids = yield* Ids
  return yield* transactionally(Effect.gen(function*() {
    const plan = yield* balancingPlan(tenant, skus)
    if (plan._tag === "NothingToBalance") return plan
    const count = plan.items.reduce((total, item) => total + item.proposals.length, 0)
    const transferIds = yield* Effect.forEach(Array.from({ length: count }), () => Effect.map(ids.next, (id) => `T-${id}`))
    const transfers = reservedTransfers(plan.items, transferIds, plan.today, leadTime)
    if (!(yield* (yield* Warehouses).addTransfers(tenant, transfers))) {
      return yield* Effect.die(new InvariantViolation({ message: "approveBalancing: a new transfer id is taken" }))
    }
    for (const t of transfers) {
      yield* auditTrail.record(supplyAudit("supply.balancing.approve", actor, tenant, "TransferReserved", {
        target: { type: "transfer", id: t.id },
        details: { sku: t.sku, from: t.from, to: t.to, quantity: t.quantity }
      }))
    }
    return new TransfersReserved({ transfers })
  }))
})
