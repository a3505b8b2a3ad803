import { type DateTime, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { RmaAmounts, RmaList, RmaView } from "../../domain/returns/ReturnOutcomes.js"
import { refundAmount, type RmaId, type RmaState } from "../../domain/returns/Rma.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import type { SalesOrderId, Sku } from "../../domain/supply/Ids.js"
import { Money } from "../../domain/supply/Money.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Rmas } from "./Rmas.js"

const allowed = (actor: Actor, tenant: TenantId) => authorize(actor, "returns.read", AccessScope.tenant(tenant))

/** An RMA with its state, history and amounts (`returns.read`). `RmaView | NotFound` or a refusal. */
export const getRma = fn("Returns.get")(function*(actor: Actor, tenant: TenantId, id: RmaId) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  const found = yield* (yield* Rmas).find(tenant, id)
  if (Option.isNone(found)) return new NotFound({ entity: "rma", id })
  const rma = found.value
  return new RmaView({ rma, amounts: new RmaAmounts({ refund: refundAmount(rma), credited: rma.refund?.amount ?? Money.zero(rma.currency) }) })
})

/** RMAs narrowed by state, sales order, item and request time, `limit` at a time after `cursor` (`returns.read`). `RmaList` or a refusal. */
export const listRmas = fn("Returns.list")(function*(
  actor: Actor,
  tenant: TenantId,
  filter: {
    readonly state?: RmaState | undefined
    readonly salesOrderId?: SalesOrderId | undefined
    readonly sku?: Sku | undefined
    readonly from?: DateTime.Utc | undefined
    readonly to?: DateTime.Utc | undefined
    readonly cursor?: RmaId | undefined
    readonly limit: number
  }
) {
  const refused = yield* allowed(actor, tenant)
  if (Option.isSome(refused)) return refused.value
  const { cursor, limit, ...rest } = filter
  const page = yield* (yield* Rmas).list(tenant, { ...rest, after: cursor, limit: limit + 1 })
  const rmas = page.slice(0, limit)
  const last = rmas.at(-1)
  return new RmaList({ rmas, ...(page.length > limit && last !== undefined ? { nextCursor: last.id } : {}) })
})
