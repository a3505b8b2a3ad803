import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { DropshipState, LineNo } from "../../domain/fulfilment/Dropship.js"
import { Cancelled, DropshipList, DropshipStarted, DropshipStatus, NotDropshippable } from "../../domain/fulfilment/DropshipOutcomes.js"
import { AlreadyShipped, InvalidDropshipTransition } from "../../domain/fulfilment/DropshipTransitions.js"
import { SalesOrderId } from "../../domain/supply/Ids.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const tenantPath = allIssues(Schema.Struct({ id: TenantId }))
const linePath = allIssues(Schema.Struct({ id: TenantId, salesOrder: SalesOrderId, line: Schema.NumberFromString.pipe(Schema.compose(LineNo)) }))
const conflict = { status: 409 } as const

/** Dropship fulfilment for the tenant's users: start it for a sales order line, follow it, cancel it. */
export class DropshipApi extends HttpApiGroup.make("dropship")
  .add(
    withRefusals(HttpApiEndpoint.post("start", "/tenants/:id/dropships").setPath(tenantPath))
      .setPayload(allIssues(Schema.Struct({ salesOrderId: SalesOrderId, lineNo: LineNo })))
      .addSuccess(DropshipStarted, { status: 202 })
      .addSuccess(NotDropshippable, { status: 422 })
      .annotate(OpenApi.Summary, "Start the durable dropship fulfilment of a sales order line (idempotent per line)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("list", "/tenants/:id/dropships").setPath(tenantPath))
      .setUrlParams(allIssues(Schema.Struct({ state: Schema.optional(DropshipState) })))
      .addSuccess(DropshipList)
  )
  .add(
    withRefusals(HttpApiEndpoint.get("status", "/tenants/:id/dropships/:salesOrder/:line").setPath(linePath))
      .addSuccess(DropshipStatus)
      .annotate(OpenApi.Summary, "A dropship's state, escalation and deadlines, shipments, invoice and history")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("cancel", "/tenants/:id/dropships/:salesOrder/:line/cancel").setPath(linePath))
      .setPayload(allIssues(Schema.Struct({ reason: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(500)) })))
      .addSuccess(Cancelled)
      .addSuccess(AlreadyShipped, conflict)
      .addSuccess(InvalidDropshipTransition, conflict)
      .annotate(OpenApi.Summary, "Cancel a dropship before it ships (the purchase order is cancelled and the vendor told)")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Dropship fulfilment")
{}
