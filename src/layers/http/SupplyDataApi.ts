import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { SupplyDataSet } from "../../domain/supply/DataSet.js"
import { PurchaseOrderStatus } from "../../domain/supply/Documents.js"
import { ReceiptId, Sku, WarehouseId } from "../../domain/supply/Ids.js"
import * as O from "../../domain/supply/Outcomes.js"
import { ReceiptInput } from "../../domain/supply/Receiving.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const tenantPath = allIssues(Schema.Struct({ id: TenantId }))

/** Supply data: loading it (a data set, the sample, receipts) and reading it back. */
export class SupplyDataApi extends HttpApiGroup.make("supplyData")
  .add(
    withRefusals(HttpApiEndpoint.post("load", "/tenants/:id/supply/data").setPath(tenantPath))
      .setPayload(allIssues(SupplyDataSet))
      .addSuccess(O.SupplyDataLoaded)
      .addSuccess(ValidationFailed, { status: 422 })
      .annotate(OpenApi.Summary, "Load items, warehouses, vendors, terms, orders, demand history and stock movements (all or nothing)")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("loadSample", "/tenants/:id/supply/sample").setPath(tenantPath))
      .addSuccess(O.SupplyDataLoaded, { status: 201 })
      .addSuccess(O.AlreadyPosted, { status: 409 })
      .addSuccess(ValidationFailed, { status: 422 })
      .annotate(OpenApi.Summary, "Load baton's sample data (a cycling-parts distributor, dated from today)")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("postReceipt", "/tenants/:id/receipts").setPath(tenantPath))
      .setPayload(allIssues(ReceiptInput))
      .addSuccess(O.ReceiptPosted, { status: 201 })
      .addSuccess(O.AlreadyPosted, { status: 409 })
      .addSuccess(ValidationFailed, { status: 422 })
      .annotate(OpenApi.Summary, "Post a goods receipt (against a purchase order or not)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("receipt", "/tenants/:id/receipts/:receipt"))
      .setPath(allIssues(Schema.Struct({ id: TenantId, receipt: ReceiptId })))
      .addSuccess(O.ReceiptView)
  )
  .add(withRefusals(HttpApiEndpoint.get("items", "/tenants/:id/items").setPath(tenantPath)).addSuccess(O.ItemList))
  .add(
    withRefusals(HttpApiEndpoint.get("stock", "/tenants/:id/stock").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ item: Schema.optional(Sku), warehouse: Schema.optional(WarehouseId) })))
      .addSuccess(O.StockReport)
      .annotate(OpenApi.Summary, "On-hand per item and warehouse, reservations, and moving-average valuations")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("purchaseOrders", "/tenants/:id/purchase-orders").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ status: Schema.optional(PurchaseOrderStatus) })))
      .addSuccess(O.PurchaseOrderList)
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Supply data")
{}
