import { addDays, type Day } from "../../domain/supply/Calendar.js"
import type { WarehouseId } from "../../domain/supply/Ids.js"
import * as P from "../../domain/supply/Parameters.js"
import type { NetworkSnapshot } from "../../domain/supply/Planning.js"
import type { ReplenishmentParameters } from "../../domain/supply/Replenishment.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { Procurement } from "./Procurement.js"
import { Sales } from "./Sales.js"
import { Warehouses } from "./Warehouses.js"

/** The tenant's planning parameters (settings with textbook defaults). */
export const planningParameters = fn("Supply.planningParameters")(function*(tenant: TenantId) {
  const settings = yield* Settings
  const parameters: ReplenishmentParameters & { readonly tolerance: number; readonly historyDays: number } = {
    serviceLevel: yield* settings.get(P.ServiceLevel, tenant),
    orderingCost: yield* settings.get(P.OrderingCost, tenant),
    holdingCostRate: yield* settings.get(P.HoldingCostRate, tenant),
    alpha: yield* settings.get(P.SmoothingAlpha, tenant),
    intermittentAlpha: yield* settings.get(P.IntermittentAlpha, tenant),
    intermittentMethod: yield* settings.get(P.IntermittentMethod, tenant),
    holdoutDays: yield* settings.get(P.HoldoutDays, tenant),
    tolerance: yield* settings.get(P.BalancingTolerance, tenant),
    historyDays: yield* settings.get(P.HistoryDays, tenant)
  }
  return parameters
})

/**
 * Everything planning reads about the network, or about one warehouse when `warehouseId` is
 * given: items, vendors and terms, stock, open purchase and sales orders, transfers under way,
 * and the demand of the `historyDays` before `today`.
 */
export const networkSnapshot = fn("Supply.networkSnapshot")(function*(
  tenant: TenantId,
  today: Day,
  historyDays: number,
  warehouseId?: WarehouseId
) {
  const ledger = yield* InventoryLedger
  const procurement = yield* Procurement
  const sales = yield* Sales
  const warehouses = yield* Warehouses
  const at = warehouseId === undefined ? {} : { warehouseId }
  const snapshot: NetworkSnapshot = {
    today,
    historyDays,
    items: yield* ledger.items(tenant),
    warehouses: (yield* warehouses.warehouses(tenant)).map((w) => w.id).filter((id) => warehouseId === undefined || id === warehouseId),
    vendors: yield* procurement.vendors(tenant),
    terms: yield* procurement.terms(tenant),
    levels: yield* ledger.onHand(tenant, at),
    purchaseOrders: yield* procurement.purchaseOrders(tenant, { statuses: ["draft", "confirmed"], ...at }),
    transfers: yield* warehouses.transfers(tenant, { statuses: ["reserved", "shipped"], ...at }),
    salesOrders: yield* sales.salesOrders(tenant, { statuses: ["open"], ...at }),
    demand: yield* sales.demand(tenant, { from: addDays(today, -historyDays), to: addDays(today, -1), ...at })
  }
  return snapshot
})
