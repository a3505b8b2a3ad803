import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { Sku } from "../../domain/supply/Ids.js"
import { BalancingProposals, NothingToBalance } from "../../domain/supply/Outcomes.js"
import { planBalancing } from "../../domain/supply/Planning.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { networkSnapshot, planningParameters } from "./networkSnapshot.js"
import { today } from "./Rollback.js"

/** Computes transfer proposals across the network (no authorization: callers authorize first). */
export const balancingPlan = fn("Supply.balancingPlan")(function*(tenant: TenantId, skus?: ReadonlyArray<Sku>) {
  const parameters = yield* planningParameters(tenant)
  const day = yield* today
  const network = yield* networkSnapshot(tenant, day, parameters.historyDays)
  const { items, reviewed } = planBalancing(network, parameters, skus)
  return items.length === 0 ? new NothingToBalance({ today: day, reviewed }) : new BalancingProposals({ today: day, items })
})

/**
 * Transfer proposals from warehouses with surplus cover to those short of it, item by item,
 * with every warehouse's days of cover, safety stock and target. Changes nothing.
 * `BalancingProposals | NothingToBalance | Refusal`.
 */
export const proposeBalancing = fn("Supply.proposeBalancing")(function*(actor: Actor, tenant: TenantId, skus?: ReadonlyArray<Sku>) {
  const refused = yield* authorize(actor, "supply.plan", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  return yield* balancingPlan(tenant, skus)
})
