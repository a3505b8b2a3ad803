import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { RejectionRecorded, ShipmentRecorded, UnknownCallbackToken, VendorCallback } from "../../domain/fulfilment/DropshipOutcomes.js"
import { AlreadyShipped, InvalidDropshipTransition, OverShipment } from "../../domain/fulfilment/DropshipTransitions.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"

/**
 * Vendors' callbacks, authenticated by the single-use secret in the path (issued per purchase
 * order, stored hashed): no bearer token. An unknown, spent or revoked secret answers 404 and
 * changes nothing.
 */
export class VendorCallbacksApi extends HttpApiGroup.make("vendorCallbacks")
  .add(
    HttpApiEndpoint.post("dropship", "/vendor-callbacks/dropship/:token")
      .setPath(allIssues(Schema.Struct({ token: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)) })))
      .setPayload(allIssues(VendorCallback))
      .addSuccess(ShipmentRecorded, { status: 202 })
      .addSuccess(RejectionRecorded, { status: 202 })
      .addSuccess(UnknownCallbackToken, { status: 404 })
      .addSuccess(OverShipment, { status: 422 })
      .addSuccess(AlreadyShipped, { status: 409 })
      .addSuccess(InvalidDropshipTransition, { status: 409 })
      .annotate(OpenApi.Summary, "A vendor confirms a dropship shipment (carrier, tracking number, quantity) or rejects the purchase order")
  )
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Vendor callbacks")
{}
