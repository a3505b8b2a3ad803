import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { DateTime, Effect } from "effect"
import { dayOfMillis } from "../../domain/supply/Calendar.js"
import { loadSampleData } from "../../orchestration/supply/loadSampleData.js"
import { loadSupplyData } from "../../orchestration/supply/loadSupplyData.js"
import { postReceipt } from "../../orchestration/supply/postReceipt.js"
import { getReceipt, getStock, listItems, listPurchaseOrders } from "../../orchestration/supply/readSupply.js"
import { sampleData } from "../supply/SampleData.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import type { SupplyDataApi } from "./SupplyDataApi.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { Warehouses } from "../../orchestration/supply/Warehouses.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `supplyData` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof SupplyDataApi>>) =>
  group
    .handle("load", ({ path, payload }) => asCaller((actor) => loadSupplyData(actor, path.id, payload)))
    .handle("loadSample", ({ path }) =>
      asCaller((actor) =>
        Effect.flatMap(DateTime.now, (now) => loadSampleData(actor, path.id, sampleData(dayOfMillis(DateTime.toEpochMillis(now)))))))
    .handle("postReceipt", ({ path, payload }) => asCaller((actor) => postReceipt(actor, path.id, payload)))
    .handle("receipt", ({ path }) => asCaller((actor) => getReceipt(actor, path.id, path.receipt)))
    .handle("items", ({ path }) => asCaller((actor) => listItems(actor, path.id)))
    .handle("stock", ({ path, urlParams }) => asCaller((actor) => getStock(actor, path.id, { sku: urlParams.item, warehouseId: urlParams.warehouse })))
    .handle("purchaseOrders", ({ path, urlParams }) => asCaller((actor) => listPurchaseOrders(actor, path.id, urlParams.status)))

/** The `supplyData` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "supplyData", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, InventoryLedger, Procurement, Sales, Settings, Transactions, Warehouses)
)
