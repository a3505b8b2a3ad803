import { Schema } from "effect"
import { Actor } from "../shared/Actor.js"
import { Account } from "./Account.js"
import { ApiToken } from "./ApiToken.js"
import { InvalidReason, Session } from "./Session.js"

/**
 * The outcomes of authentication. Secrets handed to the caller (session, challenge and API
 * tokens, recovery codes, TOTP secrets) are `Redacted`: they never show in logs or traces.
 */

export class Authenticated extends Schema.TaggedClass<Authenticated>()("Authenticated", {
  sessionToken: Schema.Redacted(Schema.String),
  session: Session,
  recoveryCodesRemaining: Schema.optional(Schema.NonNegativeInt)
}) {}

export class SecondFactorRequired extends Schema.TaggedClass<SecondFactorRequired>()("SecondFactorRequired", {
  challengeToken: Schema.Redacted(Schema.String),
  expiresAt: Schema.DateTimeUtc
}) {}

/** The password was right but a second factor is required and none is enrolled: the session may only enrol. */
export class TotpEnrollmentRequired extends Schema.TaggedClass<TotpEnrollmentRequired>()("TotpEnrollmentRequired", {
  sessionToken: Schema.Redacted(Schema.String),
  session: Session
}) {}

/** Unknown email or wrong password: the caller cannot tell which. */
export class InvalidCredentials extends Schema.TaggedClass<InvalidCredentials>()("InvalidCredentials", {}) {}

export class AccountLocked extends Schema.TaggedClass<AccountLocked>()("AccountLocked", {
  retryAfterSeconds: Schema.Int
}) {}

export class AccountNotActive extends Schema.TaggedClass<AccountNotActive>()("AccountNotActive", {}) {}

export class SecondFactorRejected extends Schema.TaggedClass<SecondFactorRejected>()("SecondFactorRejected", {}) {}

/** The challenge is unknown, expired, used up or already answered. */
export class ChallengeExpired extends Schema.TaggedClass<ChallengeExpired>()("ChallengeExpired", {}) {}

/** The operation needs the password proven within the last ten minutes. */
export class ReauthenticationRequired extends Schema.TaggedClass<ReauthenticationRequired>()("ReauthenticationRequired", {}) {}

export class PasswordRejected extends Schema.TaggedClass<PasswordRejected>()("PasswordRejected", {
  problems: Schema.Array(Schema.String)
}) {}

/** The bearer no longer authenticates; `reason` is for the audit trail, callers see one 401. */
export class SessionInvalid extends Schema.TaggedClass<SessionInvalid>()("SessionInvalid", {
  reason: InvalidReason
}) {}

/**
 * The bearer authenticates `actor`. `until`: the instant this answer lapses on its own (expiry,
 * idle limit, or the next recording of the credential's use); a commit may end it sooner.
 */
export class Valid extends Schema.TaggedClass<Valid>()("Valid", {
  actor: Actor,
  until: Schema.DateTimeUtc
}) {}

export class TotpEnrollmentStarted extends Schema.TaggedClass<TotpEnrollmentStarted>()("TotpEnrollmentStarted", {
  secret: Schema.Redacted(Schema.String),
  uri: Schema.Redacted(Schema.String),
  qrSvg: Schema.String
}) {}

export class TotpEnabled extends Schema.TaggedClass<TotpEnabled>()("TotpEnabled", {
  recoveryCodes: Schema.Redacted(Schema.Array(Schema.String))
}) {}

export class AlreadyEnrolled extends Schema.TaggedClass<AlreadyEnrolled>()("AlreadyEnrolled", {}) {}

/** No TOTP enrolment is pending (to confirm) or enabled (to disable). */
export class TotpNotEnrolled extends Schema.TaggedClass<TotpNotEnrolled>()("TotpNotEnrolled", {}) {}

export class TotpDisabled extends Schema.TaggedClass<TotpDisabled>()("TotpDisabled", {}) {}

export class RecoveryCodesIssued extends Schema.TaggedClass<RecoveryCodesIssued>()("RecoveryCodesIssued", {
  recoveryCodes: Schema.Redacted(Schema.Array(Schema.String))
}) {}

export class PasswordChanged extends Schema.TaggedClass<PasswordChanged>()("PasswordChanged", {
  otherSessionsEnded: Schema.NonNegativeInt
}) {}

export class Reauthenticated extends Schema.TaggedClass<Reauthenticated>()("Reauthenticated", {
  authenticatedAt: Schema.DateTimeUtc
}) {}

export class TokenIssued extends Schema.TaggedClass<TokenIssued>()("TokenIssued", {
  token: Schema.Redacted(Schema.String),
  apiToken: ApiToken
}) {}

/** Credentials cannot be managed with an API token, only in an interactive session. */
export class SessionRequired extends Schema.TaggedClass<SessionRequired>()("SessionRequired", {}) {}

export class Revoked extends Schema.TaggedClass<Revoked>()("Revoked", {
  count: Schema.NonNegativeInt
}) {}

export class AccountCreated extends Schema.TaggedClass<AccountCreated>()("AccountCreated", {
  account: Account
}) {}

export class EmailTaken extends Schema.TaggedClass<EmailTaken>()("EmailTaken", {}) {}

/** The bootstrap only creates the first account, into an empty store. */
export class BootstrapSkipped extends Schema.TaggedClass<BootstrapSkipped>()("BootstrapSkipped", {}) {}
