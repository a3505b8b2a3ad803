import * as Workflow from "@effect/workflow/Workflow"
import { Schema } from "effect"
import { CheckoutKey, CheckoutRequest } from "../../domain/commerce/Checkout.js"
import { CheckoutOutcome } from "../../domain/commerce/CheckoutOutcomes.js"
import { Actor } from "../../domain/shared/Actor.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { RepositoryError } from "../shared/RepositoryError.js"
import { PaymentGatewayError } from "./PaymentGatewayError.js"

/** A checkout to run: the tenant, the client's idempotency key, who asks, and the request. */
export const CheckoutCommand = Schema.Struct({
  tenantId: TenantId,
  key: CheckoutKey,
  actor: Actor,
  request: CheckoutRequest
})
export type CheckoutCommand = typeof CheckoutCommand.Type

/**
 * The durable checkout saga. One execution per tenant and idempotency key: executing it again
 * with the same key joins the running execution or answers its stored result, whatever the
 * payload. It succeeds with the checkout's outcome and fails only with an infrastructure
 * failure that outlasted the retries, after its compensations ran (stock released, charges
 * refunded, or the checkout flagged for manual intervention).
 */
export const CheckoutWorkflow = Workflow.make({
  name: "commerce.checkout",
  payload: CheckoutCommand,
  success: CheckoutOutcome,
  error: Schema.Union(RepositoryError, PaymentGatewayError),
  idempotencyKey: ({ key, tenantId }) => JSON.stringify([tenantId, key])
})
