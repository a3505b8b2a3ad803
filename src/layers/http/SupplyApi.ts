import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { ApprovalLine } from "../../domain/supply/Approval.js"
import { AtpProfile, CannotPromise, Promisable } from "../../domain/supply/Atp.js"
import { LandedCostsCapitalised } from "../../domain/supply/Capitalisation.js"
import { Day } from "../../domain/supply/Calendar.js"
import { ReceiptId, Sku, TransferOrderId, WarehouseId } from "../../domain/supply/Ids.js"
import { CostDocument } from "../../domain/supply/LandedCost.js"
import { PositiveQuantity } from "../../domain/supply/MasterData.js"
import * as O from "../../domain/supply/Outcomes.js"
import { InvalidTransferTransition, TransferStatus } from "../../domain/supply/TransferOrder.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const tenantPath = allIssues(Schema.Struct({ id: TenantId }))
const transferPath = allIssues(Schema.Struct({ id: TenantId, transfer: TransferOrderId }))
const Horizon = Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 366))
const conflict = { status: 409 } as const
const created = { status: 201 } as const
const invalid = { status: 422 } as const

/** Planning and operations: available-to-promise, replenishment, balancing and transfers, landed costs. */
export class SupplyApi extends HttpApiGroup.make("supply")
  .add(
    withRefusals(HttpApiEndpoint.get("atp", "/tenants/:id/atp").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ item: Sku, warehouse: WarehouseId, horizon: Schema.optional(Horizon) })))
      .addSuccess(AtpProfile)
      .annotate(OpenApi.Summary, "Time-phased available-to-promise of an item at a warehouse, with backward netting")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("promise", "/tenants/:id/atp/promise").setPath(tenantPath))
      .setPayload(allIssues(Schema.Struct({ item: Sku, warehouse: WarehouseId, quantity: PositiveQuantity, wantedOn: Day })))
      .addSuccess(Promisable)
      .addSuccess(CannotPromise)
      .annotate(OpenApi.Summary, "The earliest day from the wanted one a quantity can be promised")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("suggestions", "/tenants/:id/replenishment/suggestions").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ warehouse: WarehouseId })))
      .addSuccess(O.Suggestions)
      .addSuccess(O.NothingToSuggest)
      .annotate(OpenApi.Summary, "Replenishment suggestions for a warehouse, each with the numbers that produced it")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("approveSuggestions", "/tenants/:id/replenishment/approve").setPath(tenantPath))
      .setPayload(allIssues(Schema.Struct({ warehouse: WarehouseId, lines: Schema.optional(Schema.Array(ApprovalLine).pipe(Schema.maxItems(10_000))) })))
      .addSuccess(O.PurchaseOrdersDrafted, created)
      .addSuccess(O.NothingToSuggest, conflict)
      .addSuccess(ValidationFailed, invalid)
      .annotate(OpenApi.Summary, "Approve suggestions (all, or the lines named) into draft purchase orders")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("proposals", "/tenants/:id/balancing/proposals").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ item: Schema.optional(Sku) })))
      .addSuccess(O.BalancingProposals)
      .addSuccess(O.NothingToBalance)
      .annotate(OpenApi.Summary, "Transfer proposals from surplus to deficit warehouses")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("approveProposals", "/tenants/:id/balancing/approve").setPath(tenantPath))
      .setPayload(allIssues(Schema.Struct({ items: Schema.optional(Schema.Array(Sku).pipe(Schema.maxItems(10_000))) })))
      .addSuccess(O.TransfersReserved, created)
      .addSuccess(O.NothingToBalance, conflict)
      .annotate(OpenApi.Summary, "Approve proposals into transfer orders, reserving stock at the sources")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("transfers", "/tenants/:id/transfers").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ status: Schema.optional(TransferStatus) })))
      .addSuccess(O.TransferList)
  )
  .add(
    withRefusals(HttpApiEndpoint.post("ship", "/tenants/:id/transfers/:transfer/ship").setPath(transferPath))
      .addSuccess(O.TransferShipped)
      .addSuccess(O.ShipmentRefused, conflict)
      .addSuccess(InvalidTransferTransition, conflict)
      .addSuccess(ValidationFailed, invalid)
  )
  .add(
    withRefusals(HttpApiEndpoint.post("receive", "/tenants/:id/transfers/:transfer/receive").setPath(transferPath))
      .addSuccess(O.TransferReceived)
      .addSuccess(InvalidTransferTransition, conflict)
      .addSuccess(ValidationFailed, invalid)
  )
  .add(
    withRefusals(HttpApiEndpoint.post("cancel", "/tenants/:id/transfers/:transfer/cancel").setPath(transferPath))
      .setPayload(allIssues(Schema.Struct({ reason: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(500)) })))
      .addSuccess(O.TransferReleased)
      .addSuccess(InvalidTransferTransition, conflict)
  )
  .add(
    withRefusals(HttpApiEndpoint.post("landedCosts", "/tenants/:id/receipts/:receipt/landed-costs"))
      .setPath(allIssues(Schema.Struct({ id: TenantId, receipt: ReceiptId })))
      .setPayload(allIssues(Schema.Struct({ documents: Schema.Array(CostDocument).pipe(Schema.maxItems(100)) })))
      .addSuccess(LandedCostsCapitalised, created)
      .addSuccess(O.InvalidCostDocument, invalid)
      .addSuccess(O.AlreadyCapitalised, conflict)
      .annotate(OpenApi.Summary, "Capitalise landed costs (freight, duty, insurance) on a posted receipt")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Supply planning")
{}

