import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { WarehouseId } from "../../domain/supply/Ids.js"
import { NothingToSuggest, Suggestions } from "../../domain/supply/Outcomes.js"
import { planWarehouse } from "../../domain/supply/Planning.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { networkSnapshot, planningParameters } from "./networkSnapshot.js"
import { today } from "./Rollback.js"

/** Computes a warehouse's suggestions (no authorization: callers authorize first). `Suggestions | NothingToSuggest | NotFound`. */
export const replenishmentPlan = fn("Supply.replenishmentPlan")(function*(tenant: TenantId, warehouseId: WarehouseId) {
  const parameters = yield* planningParameters(tenant)
  const day = yield* today
  const network = yield* networkSnapshot(tenant, day, parameters.historyDays, warehouseId)
  if (network.warehouses.length === 0) return new NotFound({ entity: "warehouse", id: warehouseId })
  const { reviewed, skipped, suggestions } = planWarehouse(network, warehouseId, parameters)
  return suggestions.length === 0
    ? new NothingToSuggest({ warehouseId, today: day, reviewed, skipped })
    : new Suggestions({ warehouseId, today: day, reviewed, suggestions, skipped })
})

/**
 * Replenishment suggestions for a warehouse, each with the numbers that produced it (forecast,
 * hold-out error, safety stock, reorder point, EOQ, position). Changes nothing.
 * `Suggestions | NothingToSuggest | NotFound | Refusal`.
 */
export const suggestReplenishment = fn("Supply.suggestReplenishment")(function*(actor: Actor, tenant: TenantId, warehouseId: WarehouseId) {
  const refused = yield* authorize(actor, "supply.plan", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  return yield* replenishmentPlan(tenant, warehouseId)
})
