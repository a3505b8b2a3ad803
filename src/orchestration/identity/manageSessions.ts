import { DateTime, Duration, Effect, Either, Option } from "effect"
import { audit } from "../../domain/identity/AuthIntents.js"
import { Revoked, SessionInvalid } from "../../domain/identity/AuthOutcomes.js"
import { invalidity, type Session } from "../../domain/identity/Session.js"
import { SessionIdleTimeoutMinutes } from "../../domain/settings/Catalogue.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { SessionId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { currentSession } from "./currentSession.js"
import { Sessions } from "./Sessions.js"

/**
 * The actor's sessions that would authenticate now (not revoked, expired, idle or from an older
 * auth epoch), newest first. `ReadonlyArray<Session> | SessionRequired | SessionInvalid`.
 */
export const listSessions = fn("Identity.listSessions")(function*(actor: Actor) {
  const session = yield* currentSession(actor)
  if (Either.isLeft(session)) return session.left
  const account = yield* (yield* Accounts).findById(session.right.accountId)
  if (Option.isNone(account)) return new SessionInvalid({ reason: "accountNotActive" })
  const now = yield* DateTime.now
  const idle = Duration.minutes(yield* (yield* Settings).get(SessionIdleTimeoutMinutes))
  const sessions = yield* (yield* Sessions).list(session.right.accountId, now)
  return sessions.filter((s) => Option.isNone(invalidity(s, account.value, now, idle)))
})

const revoke = Effect.fnUntraced(function*(
  actor: Actor,
  action: string,
  which: (current: Session) => { readonly only: SessionId } | { readonly allBut: SessionId },
  options: { readonly allowRestricted?: boolean } = {}
) {
  const session = yield* currentSession(actor, options)
  if (Either.isLeft(session)) return session.left
  const scope = which(session.right)
  const count = yield* (yield* Sessions).revoke(session.right.accountId, scope, yield* DateTime.now)
  yield* (yield* AuditTrail).record(audit(action, actor, count === 0 ? "NotFound" : "Revoked", { account: session.right.accountId, details: { count } }))
  return new Revoked({ count })
})

/** Revokes one of the actor's sessions (at once: its next request is refused). `Revoked | NotFound | SessionRequired | SessionInvalid`. */
export const revokeSession = fn("Identity.revokeSession")(function*(actor: Actor, id: SessionId) {
  const revoked = yield* revoke(actor, "auth.session.revoke", () => ({ only: id }))
  return revoked._tag === "Revoked" && revoked.count === 0 ? new NotFound({ entity: "session", id }) : revoked
})

/** Revokes every session of the actor but the current one. `Revoked | SessionRequired | SessionInvalid`. */
export const revokeOtherSessions = fn("Identity.revokeOtherSessions")(function*(actor: Actor) {
  return yield* revoke(actor, "auth.session.revokeOthers", (current) => ({ allBut: current.id }))
})

/** Ends the current session. `Revoked | SessionRequired | SessionInvalid`; a restricted session may log out. */
export const logout = fn("Identity.logout")(function*(actor: Actor) {
  return yield* revoke(actor, "auth.logout", (current) => ({ only: current.id }), { allowRestricted: true })
})
