import { Schema } from "effect"

/**
 * The payment service could not answer (unreachable, timeout, 5xx, rate limited: `transient`,
 * worth retrying under the same idempotency key) or refused the request itself (malformed,
 * unauthorised: not transient). A decline is not an error: it is a result of `charge`.
 */
export class PaymentGatewayError extends Schema.TaggedError<PaymentGatewayError>()("PaymentGatewayError", {
  operation: Schema.String,
  transient: Schema.Boolean,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `${this.operation} failed${this.transient ? " (transient)" : ""}: ${
      this.cause instanceof Error ? this.cause.message : String(this.cause)
    }`
  }
}
