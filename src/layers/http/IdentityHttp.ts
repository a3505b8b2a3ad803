import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect, Option } from "effect"
import type { SessionInvalid } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { Credentials } from "../../orchestration/identity/Credentials.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"
import { changePassword } from "../../orchestration/identity/changePassword.js"
import { confirmTotpEnrollment } from "../../orchestration/identity/confirmTotpEnrollment.js"
import { disableTotp } from "../../orchestration/identity/disableTotp.js"
import { getMe } from "../../orchestration/identity/getMe.js"
import { login } from "../../orchestration/identity/login.js"
import { listSessions, logout, revokeOtherSessions, revokeSession } from "../../orchestration/identity/manageSessions.js"
import { issueToken, listTokens, revokeToken } from "../../orchestration/identity/manageTokens.js"
import { reauthenticate } from "../../orchestration/identity/reauthenticate.js"
import { regenerateRecoveryCodes } from "../../orchestration/identity/regenerateRecoveryCodes.js"
import { startTotpEnrollment } from "../../orchestration/identity/startTotpEnrollment.js"
import { useRecoveryCode } from "../../orchestration/identity/useRecoveryCode.js"
import { verifyTotp } from "../../orchestration/identity/verifyTotp.js"
import { Authentication, CurrentActor, requestDevice } from "./Authentication.js"
import * as JsonBodies from "./JsonBodies.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable, Unauthorized } from "./HttpErrors.js"
import { type AuthApi, type MeApi, SessionList, TokenList } from "./IdentityApi.js"

/** `Retry-After` on a 423, from the lock's remaining seconds. */
const retryAfter = <A extends { readonly _tag: string }>(outcome: A) =>
  outcome._tag === "AccountLocked" && "retryAfterSeconds" in outcome
    ? HttpApp.appendPreResponseHandler((_, response) =>
      Effect.succeed(HttpServerResponse.setHeader(response, "retry-after", String(outcome.retryAfterSeconds)))
    ).pipe(Effect.as(outcome))
    : Effect.succeed(outcome)

/** A bearer that stopped authenticating between the middleware and the operation: the same 401. */
const rejectInvalid = <A extends { readonly _tag: string }>(outcome: A | SessionInvalid) =>
  outcome._tag === "SessionInvalid" ? Effect.fail(Unauthorized.uniform) : Effect.succeed(outcome as Exclude<A, SessionInvalid>)

/** Runs an operation of the current actor, mapping a lost session to 401 and an outage to 503. */
const asActor = <A extends { readonly _tag: string }, E, R>(operation: (actor: Actor) => Effect.Effect<A | SessionInvalid, E, R>) =>
  CurrentActor.pipe(Effect.flatMap(operation), Effect.flatMap(rejectInvalid<A>), Effect.flatMap(retryAfter), unavailable)

/** Maps `Revoked` (done) to 204 and leaves every other outcome as it is. */
const noContent = <A extends { readonly _tag: string }>(outcome: A): Exclude<A, { readonly _tag: "Revoked" }> | void =>
  outcome._tag === "Revoked" ? undefined : (outcome as Exclude<A, { readonly _tag: "Revoked" }>)

/** Handlers of the `auth` group, for any API that contains it. */
export const authHandlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof AuthApi>>) =>
  group
    .handle("login", ({ payload }) => requestDevice.pipe(Effect.flatMap((device) => login({ ...payload, device })), Effect.flatMap(retryAfter), unavailable))
    .handle("totp", ({ payload }) =>
      requestDevice.pipe(Effect.flatMap((device) => verifyTotp(payload.challengeToken, payload.code, device)), Effect.flatMap(retryAfter), unavailable))
    .handle("recovery", ({ payload }) =>
      requestDevice.pipe(Effect.flatMap((device) => useRecoveryCode(payload.challengeToken, payload.code, device)), Effect.flatMap(retryAfter), unavailable))

/** Handlers of the `me` group, for any API that contains it. */
export const meHandlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable | Unauthorized, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof MeApi>>) =>
  group
    .handle("logout", () => asActor(logout).pipe(Effect.map(noContent)))
    .handle("reauthenticate", ({ payload }) => asActor((actor) => reauthenticate(actor, payload.password)))
    .handle("me", () =>
      CurrentActor.pipe(
        Effect.flatMap(getMe),
        Effect.flatMap((me) =>
          "_tag" in me ? Effect.fail(Unauthorized.uniform) : Effect.succeed(JsonBodies.ok(JsonBodies.me(me)))
        ),
        unavailable
      ))
    .handle("startTotpEnrollment", () => asActor(startTotpEnrollment))
    .handle("confirmTotpEnrollment", ({ payload }) => asActor((actor) => confirmTotpEnrollment(actor, payload.code)))
    .handle("disableTotp", () => asActor(disableTotp))
    .handle("regenerateRecoveryCodes", () => asActor(regenerateRecoveryCodes))
    .handle("changePassword", ({ payload }) => asActor((actor) => changePassword(actor, payload.currentPassword, payload.newPassword)))
    .handle("listSessions", () =>
      asActor((actor) => listSessions(actor).pipe(Effect.map((result) => ("_tag" in result ? result : new SessionList({ sessions: result }))))))
    .handle("revokeSession", ({ path }) => asActor((actor) => revokeSession(actor, path.id)).pipe(Effect.map(noContent)))
    .handle("revokeOtherSessions", () => asActor(revokeOtherSessions).pipe(Effect.map(noContent)))
    .handle("listTokens", () =>
      asActor((actor) => listTokens(actor).pipe(Effect.map((result) => ("_tag" in result ? result : new TokenList({ tokens: result }))))))
    .handle("issueToken", ({ payload }) =>
      asActor((actor) => issueToken(actor, { name: payload.name, scopes: payload.scopes, expiresAt: Option.fromNullable(payload.expiresAt) })))
    .handle("revokeToken", ({ path }) => asActor((actor) => revokeToken(actor, path.id)).pipe(Effect.map(noContent)))

/** The `auth` group, built with only the services its handlers use (`builtWithOnly`). */
export const authLayer = HttpApiBuilder.group(BatonApi, "auth", authHandlers).pipe(
  builtWithOnly(Accounts, AuditTrail, Credentials, Notifications, Sessions, Settings, Transactions)
)
/** The `me` group, built with only the services its handlers use (`builtWithOnly`: its requests copy ≈ 10 services, not ≈ 60). */
export const meLayer = HttpApiBuilder.group(BatonApi, "me", meHandlers).pipe(
  builtWithOnly(Authentication, Accounts, ApiTokens, AuditTrail, Credentials, Notifications, Sessions, Settings, Transactions)
)
