import { Schema } from "effect"

/**
 * The checkout saga failed on infrastructure after its retries and was rolled back (stock
 * released, charges refunded, or the checkout flagged for manual intervention). Final for its
 * key: the same key keeps answering this; a new attempt needs a new key.
 */
export class CheckoutFailed extends Schema.TaggedError<CheckoutFailed>()("CheckoutFailed", {
  key: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `checkout ${this.key} failed and was rolled back: ${this.reason}`
  }
}
