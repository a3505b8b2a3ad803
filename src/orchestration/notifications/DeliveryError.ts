import { Schema } from "effect"

/** A notification channel could not deliver (unreachable endpoint, timeout, non-2xx answer). */
export class DeliveryError extends Schema.TaggedError<DeliveryError>()("DeliveryError", {
  channel: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `${this.channel}: ${this.reason}`
  }
}
