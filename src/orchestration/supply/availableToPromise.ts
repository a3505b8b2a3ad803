import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { availableToPromise as computeAtp, Dated, promise } from "../../domain/supply/Atp.js"
import { daysBetween, type Day } from "../../domain/supply/Calendar.js"
import { committedQuantity, openQuantity } from "../../domain/supply/Documents.js"
import type { Sku, WarehouseId } from "../../domain/supply/Ids.js"
import { AtpHorizonDays } from "../../domain/supply/Parameters.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { Procurement } from "./Procurement.js"
import { today } from "./Rollback.js"
import { Sales } from "./Sales.js"
import { Warehouses } from "./Warehouses.js"

/**
 * The ATP profile of an item at a warehouse: usable on-hand (physical less reservations for
 * outbound transfers), confirmed purchase order lines and inbound transfers as scheduled
 * receipts, open stock lines of sales orders as commitments. `NotFound` for an unknown item or warehouse.
 */
export const atpProfile = fn("Supply.atpProfile")(function*(tenant: TenantId, sku: Sku, warehouseId: WarehouseId, horizonDays: number) {
  const ledger = yield* InventoryLedger
  const warehouses = yield* Warehouses
  if ((yield* ledger.items(tenant, [sku])).length === 0) return new NotFound({ entity: "item", id: sku })
  if (!(yield* warehouses.warehouses(tenant)).some((w) => w.id === warehouseId)) return new NotFound({ entity: "warehouse", id: warehouseId })
  const onHand = (yield* ledger.onHand(tenant, { skus: [sku], warehouseId })).reduce((t, l) => t + l.onHand, 0)
  const transfers = yield* warehouses.transfers(tenant, { skus: [sku], statuses: ["reserved", "shipped"], warehouseId })
  const reserved = transfers.filter((t) => t.from === warehouseId && t.status === "reserved").reduce((total, t) => total + t.quantity, 0)
  const orders = yield* (yield* Procurement).purchaseOrders(tenant, { statuses: ["confirmed"], warehouseId, skus: [sku] })
  const sales = yield* (yield* Sales).salesOrders(tenant, { statuses: ["open"], warehouseId, skus: [sku] })
  const receipts = [
    ...orders.flatMap((o) => o.lines.filter((l) => l.sku === sku && openQuantity(o, l) > 0).map((l) => new Dated({ on: l.expectedOn, quantity: openQuantity(o, l), source: `purchase-order:${o.id}/${l.lineNo}` }))),
    ...transfers.filter((t) => t.to === warehouseId).map((t) => new Dated({ on: t.expectedOn, quantity: t.quantity, source: `transfer:${t.id}` }))
  ]
  const demands = sales.flatMap((o) =>
    o.lines.filter((l) => l.sku === sku && l.warehouseId === warehouseId && committedQuantity(o, l) > 0)
      .map((l) => new Dated({ on: l.promisedOn, quantity: committedQuantity(o, l), source: `sales-order:${o.id}/${l.lineNo}` })))
  return computeAtp({ sku, warehouseId, today: yield* today, horizonDays, onHand: onHand - reserved, receipts, demands })
})

/** Time-phased ATP of an item at a warehouse over `horizonDays` (default: the tenant's setting). `AtpProfile | NotFound | Refusal`. */
export const getAvailableToPromise = fn("Supply.getAvailableToPromise")(function*(
  actor: Actor,
  tenant: TenantId,
  input: { readonly sku: Sku; readonly warehouseId: WarehouseId; readonly horizonDays?: number | undefined }
) {
  const refused = yield* authorize(actor, "supply.plan", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  return yield* atpProfile(tenant, input.sku, input.warehouseId, input.horizonDays ?? (yield* (yield* Settings).get(AtpHorizonDays, tenant)))
})

/**
 * The earliest day from `wantedOn` the quantity can be promised without breaking a commitment:
 * `Promisable | CannotPromise | NotFound | Refusal`. A promise answers order entry (it needs
 * `supply.manage`); it books nothing, the sales order does.
 */
export const promiseOrder = fn("Supply.promiseOrder")(function*(
  actor: Actor,
  tenant: TenantId,
  input: { readonly sku: Sku; readonly warehouseId: WarehouseId; readonly quantity: number; readonly wantedOn: Day }
) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const horizon = Math.min(366, Math.max(yield* (yield* Settings).get(AtpHorizonDays, tenant), daysBetween(yield* today, input.wantedOn) + 1))
  const profile = yield* atpProfile(tenant, input.sku, input.warehouseId, horizon)
  return profile._tag === "NotFound" ? profile : promise(profile, input.quantity, input.wantedOn)
})
