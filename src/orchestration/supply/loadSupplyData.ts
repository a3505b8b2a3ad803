import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { countsOf, type SupplyDataSet, validateDataSet } from "../../domain/supply/DataSet.js"
import { SupplyDataLoaded } from "../../domain/supply/Outcomes.js"
import { ValuationCurrency } from "../../domain/supply/Parameters.js"
import { supplyAudit } from "../../domain/supply/SupplyIntents.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { InventoryLedger } from "./InventoryLedger.js"
import { postStock } from "./postStock.js"
import { Procurement } from "./Procurement.js"
import { Rollback, transactionally } from "./Rollback.js"
import { Sales } from "./Sales.js"
import { Warehouses } from "./Warehouses.js"

/** The item, warehouse and vendor codes the tenant has. */
export const knownCodes = fn("Supply.knownCodes")(function*(tenant: TenantId) {
  return {
    skus: new Set<string>((yield* (yield* InventoryLedger).items(tenant)).map((i) => i.sku)),
    warehouses: new Set<string>((yield* (yield* Warehouses).warehouses(tenant)).map((w) => w.id)),
    vendors: new Set<string>((yield* (yield* Procurement).vendors(tenant)).map((v) => v.id))
  }
})

/** Writes a validated data set's master data, orders and demand. */
export const storeDataSet = fn("Supply.storeDataSet")(function*(tenant: TenantId, data: SupplyDataSet) {
  const procurement = yield* Procurement
  const sales = yield* Sales
  yield* (yield* InventoryLedger).putItems(tenant, data.items)
  yield* (yield* Warehouses).putWarehouses(tenant, data.warehouses)
  yield* procurement.putVendors(tenant, data.vendors)
  yield* procurement.putTerms(tenant, data.terms)
  yield* procurement.putPurchaseOrders(tenant, data.purchaseOrders)
  yield* sales.putSalesOrders(tenant, data.salesOrders)
  yield* sales.putDemand(tenant, data.demand)
})

/**
 * Loads a data set into a tenant in one unit of work: master data added or replaced, orders
 * and demand stored, movements posted to the ledger at moving-average cost (in the tenant's
 * valuation currency). `SupplyDataLoaded | ValidationFailed | Refusal`; audited.
 */
export const loadSupplyData = fn("Supply.loadSupplyData")(function*(actor: Actor, tenant: TenantId, data: SupplyDataSet) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  const issues = validateDataSet(data, yield* knownCodes(tenant))
  if (issues.length > 0) return new ValidationFailed({ issues })
  const currency = yield* (yield* Settings).get(ValuationCurrency, tenant)
  const auditTrail = yield* AuditTrail
  return yield* transactionally(Effect.gen(function*() {
    yield* storeDataSet(tenant, data)
    const posted = yield* postStock(tenant, data.movements, currency)
    if (Either.isLeft(posted)) return yield* new Rollback({ outcome: new ValidationFailed({ issues: posted.left }) })
    const loaded = new SupplyDataLoaded({ counts: countsOf(data) })
    yield* auditTrail.record(supplyAudit("supply.load", actor, tenant, loaded._tag, { details: loaded.counts }))
    return loaded
  }))
})
