import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { Account } from "../../domain/identity/Account.js"
import { ApiToken, Scope, TokenName } from "../../domain/identity/ApiToken.js"
import * as O from "../../domain/identity/AuthOutcomes.js"
import { Session } from "../../domain/identity/Session.js"
import { ApiTokenId, SessionId } from "../../domain/shared/Ids.js"
import { FeatureDisabled, NotFound, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"

const Secret = (max: number) => Schema.String.pipe(Schema.maxLength(max))

/** The second factor: the same contract whether the code is a TOTP or a recovery code. */
const answerChallenge = <const Name extends string, const Path extends `/${string}`>(name: Name, path: Path, summary: string) =>
  HttpApiEndpoint.post(name, path)
    .setPayload(allIssues(Schema.Struct({ challengeToken: Secret(256), code: Secret(64) })))
    .addSuccess(O.Authenticated)
    .addSuccess(O.SecondFactorRejected, { status: 401 })
    .addSuccess(O.AccountNotActive, { status: 403 })
    .addSuccess(O.ChallengeExpired, { status: 410 })
    .addSuccess(O.AccountLocked, { status: 423 })
    .annotate(OpenApi.Summary, summary)

/** Login and the second factor: no bearer token yet. Bodies carry the outcome's `_tag`. */
export class AuthApi extends HttpApiGroup.make("auth")
  .add(
    HttpApiEndpoint.post("login", "/auth/login")
      .setPayload(allIssues(Schema.Struct({ email: Secret(320), password: Secret(1024) })))
      .addSuccess(O.Authenticated)
      .addSuccess(O.SecondFactorRequired, { status: 202 })
      .addSuccess(O.TotpEnrollmentRequired)
      .addSuccess(O.InvalidCredentials, { status: 401 })
      .addSuccess(O.AccountNotActive, { status: 403 })
      .addSuccess(O.AccountLocked, { status: 423 })
      .addSuccess(FeatureDisabled, { status: 503 })
      .annotate(OpenApi.Summary, "Log in with email and password")
  )
  .add(answerChallenge("totp", "/auth/totp", "Answer the second-factor challenge with a TOTP code"))
  .add(answerChallenge("recovery", "/auth/recovery", "Answer the second-factor challenge with a recovery code (single use)"))
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Authentication")
{}

export class Me extends Schema.TaggedClass<Me>()("Me", { account: Account, totpEnabled: Schema.Boolean }) {}
export class SessionList extends Schema.TaggedClass<SessionList>()("SessionList", { sessions: Schema.Array(Session) }) {}
export class TokenList extends Schema.TaggedClass<TokenList>()("TokenList", { tokens: Schema.Array(ApiToken) }) {}

const forbidden = { status: 403 } as const
const conflict = { status: 409 } as const

/** The authenticated account's own credentials, sessions and tokens (`Authorization: Bearer …`). */
export class MeApi extends HttpApiGroup.make("me")
  .add(HttpApiEndpoint.post("logout", "/auth/logout").addSuccess(O.SessionRequired, forbidden).addSuccess(HttpApiSchema.NoContent))
  .add(
    HttpApiEndpoint.post("reauthenticate", "/auth/reauthenticate")
      .setPayload(allIssues(Schema.Struct({ password: Secret(1024) })))
      .addSuccess(O.Reauthenticated)
      .addSuccess(O.InvalidCredentials, { status: 401 })
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.AccountLocked, { status: 423 })
  )
  .add(HttpApiEndpoint.get("me", "/me").addSuccess(Me))
  .add(
    HttpApiEndpoint.post("startTotpEnrollment", "/me/totp/enrollment")
      .addSuccess(O.TotpEnrollmentStarted)
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.AlreadyEnrolled, conflict)
  )
  .add(
    HttpApiEndpoint.post("confirmTotpEnrollment", "/me/totp/enrollment/confirm")
      .setPayload(allIssues(Schema.Struct({ code: Secret(64) })))
      .addSuccess(O.TotpEnabled)
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.AlreadyEnrolled, conflict)
      .addSuccess(O.TotpNotEnrolled, conflict)
      .addSuccess(O.SecondFactorRejected, { status: 422 })
  )
  .add(
    HttpApiEndpoint.del("disableTotp", "/me/totp")
      .addSuccess(O.TotpDisabled)
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.ReauthenticationRequired, forbidden)
      .addSuccess(O.TotpNotEnrolled, conflict)
  )
  .add(
    HttpApiEndpoint.post("regenerateRecoveryCodes", "/me/recovery-codes")
      .addSuccess(O.RecoveryCodesIssued)
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.ReauthenticationRequired, forbidden)
      .addSuccess(O.TotpNotEnrolled, conflict)
  )
  .add(
    HttpApiEndpoint.post("changePassword", "/me/password")
      .setPayload(allIssues(Schema.Struct({ currentPassword: Secret(1024), newPassword: Secret(1024) })))
      .addSuccess(O.PasswordChanged)
      .addSuccess(O.InvalidCredentials, { status: 401 })
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(O.PasswordRejected, { status: 422 })
      .addSuccess(O.AccountLocked, { status: 423 })
  )
  .add(HttpApiEndpoint.get("listSessions", "/me/sessions").addSuccess(SessionList).addSuccess(O.SessionRequired, forbidden))
  .add(
    HttpApiEndpoint.del("revokeSession", "/me/sessions/:id")
      .setPath(allIssues(Schema.Struct({ id: SessionId })))
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(NotFound, { status: 404 })
      .addSuccess(HttpApiSchema.NoContent)
  )
  .add(
    HttpApiEndpoint.del("revokeOtherSessions", "/me/sessions")
      .setUrlParams(allIssues(Schema.Struct({ scope: Schema.Literal("others") })))
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(HttpApiSchema.NoContent)
  )
  .add(HttpApiEndpoint.get("listTokens", "/me/tokens").addSuccess(TokenList).addSuccess(O.SessionRequired, forbidden))
  .add(
    HttpApiEndpoint.post("issueToken", "/me/tokens")
      .setPayload(allIssues(Schema.Struct({
        name: TokenName,
        scopes: Schema.optionalWith(Schema.Array(Scope).pipe(Schema.maxItems(20)), { default: () => [] }),
        expiresAt: Schema.optional(Schema.DateTimeUtc)
      })))
      .addSuccess(O.TokenIssued, { status: 201 })
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(ValidationFailed, { status: 422 })
  )
  .add(
    HttpApiEndpoint.del("revokeToken", "/me/tokens/:id")
      .setPath(allIssues(Schema.Struct({ id: ApiTokenId })))
      .addSuccess(O.SessionRequired, forbidden)
      .addSuccess(NotFound, { status: 404 })
      .addSuccess(HttpApiSchema.NoContent)
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Me")
{}
