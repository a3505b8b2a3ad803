import { Context, type Effect, Schema } from "effect"
import type { CircuitStatus } from "../../domain/modules/CircuitBreaker.js"
import type { TenantId } from "../../domain/shared/Ids.js"

/** The subscription service did not answer (or the circuit in front of it is open). */
export class EntitlementsError extends Schema.TaggedError<EntitlementsError>()("EntitlementsError", {
  reason: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `entitlement check failed: ${this.reason}`
  }
}

/**
 * What tenants are entitled to, asked of the subscription service behind a circuit breaker: after
 * consecutive failures the circuit opens and checks fail at once, without calling, until a probe
 * succeeds.
 */
export class Entitlements extends Context.Tag("baton/modules/Entitlements")<Entitlements, {
  /** Whether the tenant holds the entitlement (e.g. `digital-cards`). Fails fast while the circuit is open. */
  readonly check: (tenantId: TenantId, entitlement: string) => Effect.Effect<boolean, EntitlementsError>
  /** The circuit as it stands. */
  readonly circuit: Effect.Effect<CircuitStatus>
}>() {}
