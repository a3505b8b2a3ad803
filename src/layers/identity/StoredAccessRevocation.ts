import { DateTime, Effect, Layer, Option } from "effect"
import { AccessRevocation } from "../../orchestration/identity/AccessRevocation.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"

/**
 * Ends an account's access over baton's own stores: every session revoked, then every API token
 * that could still act (not revoked, not expired). Writes through the ports, so it joins the
 * caller's unit of work.
 */
export const make = Effect.gen(function*() {
  const sessions = yield* Sessions
  const tokens = yield* ApiTokens
  return AccessRevocation.of({
    endAll: (account, now) =>
      Effect.gen(function*() {
        const sessionsEnded = yield* sessions.revoke(account, "all", now)
        const live = (yield* tokens.list(account)).filter((token) =>
          Option.isNone(token.revokedAt) && !Option.exists(token.expiresAt, (at) => !DateTime.lessThan(now, at))
        )
        const revoked = yield* Effect.forEach(live, (token) => tokens.revoke(account, token.id, now))
        return { sessions: sessionsEnded, tokens: revoked.filter(Boolean).length }
      })
  })
})

export const layer: Layer.Layer<AccessRevocation, never, Sessions | ApiTokens> = Layer.effect(AccessRevocation, make)
