import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { InspectionRecorded, ReceiptRecorded, Rejected, RmaAuthorized, RmaList, RmaView } from "../../domain/returns/ReturnOutcomes.js"
import { Condition, Disposition, Resolution, RmaId, RmaState } from "../../domain/returns/Rma.js"
import { InvalidRmaTransition } from "../../domain/returns/RmaTransitions.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { SalesOrderId, Sku, WarehouseId } from "../../domain/supply/Ids.js"
import { PositiveQuantity } from "../../domain/supply/MasterData.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const tenantPath = allIssues(Schema.Struct({ id: TenantId }))
const rmaPath = allIssues(Schema.Struct({ id: TenantId, rma: RmaId }))
const conflict = { status: 409 } as const
const invalid = { status: 422 } as const

/** The return request: which line of which sales order, how many, why, and the remedy wanted (a refund by default). */
export const ReturnPayload = allIssues(Schema.Struct({
  salesOrderId: SalesOrderId,
  lineNo: Schema.Int.pipe(Schema.positive()),
  quantity: PositiveQuantity,
  reason: Schema.String.pipe(Schema.maxLength(500)),
  resolution: Schema.optionalWith(Resolution, { default: () => "refund" as const })
}))

export const InspectionPayload = allIssues(Schema.Struct({
  condition: Condition,
  override: Schema.optional(Schema.Struct({ disposition: Disposition, reason: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(500)) }))
}))

export const ListParams = allIssues(Schema.Struct({
  state: Schema.optional(RmaState),
  salesOrder: Schema.optional(SalesOrderId),
  sku: Schema.optional(Sku),
  from: Schema.optional(Schema.DateTimeUtc),
  to: Schema.optional(Schema.DateTimeUtc),
  cursor: Schema.optional(RmaId),
  limit: Schema.optionalWith(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 200)), { default: () => 50 })
}))

/** Return merchandise authorisations (RMAs): request, follow, and record the receipt and inspection of the goods. */
export class ReturnsApi extends HttpApiGroup.make("returns")
  .add(
    withRefusals(HttpApiEndpoint.post("request", "/tenants/:id/rmas").setPath(tenantPath))
      .setPayload(ReturnPayload)
      .addSuccess(RmaAuthorized, { status: 201 })
      .addSuccess(Rejected, invalid)
      .annotate(OpenApi.Summary, "Request a return: authorised (the RMA's workflow starts) or rejected with every rule that failed")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("list", "/tenants/:id/rmas").setPath(tenantPath))
      .setUrlParams(ListParams)
      .addSuccess(RmaList)
      .annotate(OpenApi.Summary, "RMAs by state, sales order, item and request time (from inclusive, to exclusive), a page at a time")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("get", "/tenants/:id/rmas/:rma").setPath(rmaPath))
      .addSuccess(RmaView)
      .annotate(OpenApi.Summary, "An RMA: its state, history and amounts")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("receipt", "/tenants/:id/rmas/:rma/receipt").setPath(rmaPath))
      .setPayload(allIssues(Schema.Struct({ warehouse: WarehouseId })))
      .addSuccess(ReceiptRecorded)
      .addSuccess(InvalidRmaTransition, conflict)
      .annotate(OpenApi.Summary, "Record that the returned goods arrived at a warehouse (warehouse staff)")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("inspection", "/tenants/:id/rmas/:rma/inspection").setPath(rmaPath))
      .setPayload(InspectionPayload)
      .addSuccess(InspectionRecorded)
      .addSuccess(InvalidRmaTransition, conflict)
      .addSuccess(ValidationFailed, invalid)
      .annotate(OpenApi.Summary, "Record the inspection (resellable, damaged, defective); the disposition follows the rules unless overridden with a reason")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Returns")
{}
