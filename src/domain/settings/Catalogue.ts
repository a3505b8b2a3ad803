import { Either, Option, Schema } from "effect"
import type { TenantId } from "../shared/Ids.js"
import type { Json } from "../shared/Json.js"
import { issuesOf } from "../shared/Outcomes.js"
import { returnSettings } from "../returns/ReturnSettings.js"
import { supplySettings } from "../supply/Parameters.js"
import { define, type Setting } from "./Setting.js"
import { InvalidSettingValue, SettingNotOverridable, UnknownSetting } from "./SettingOutcomes.js"

const Minutes = Schema.Int.pipe(Schema.between(1, 24 * 60))
const Hours = Schema.Int.pipe(Schema.between(1, 30 * 24))

/** Admins may log in with a password (a kill switch for interactive login). */
export const LoginEnabled = define({
  key: "auth.login.enabled",
  description: "Admins may log in with email and password.",
  scope: "platform",
  schema: Schema.Boolean,
  default: true
})

/** Every admin must enrol a TOTP second factor before getting a full session. */
export const TotpRequired = define({
  key: "auth.totp.required",
  description: "Admins without a TOTP second factor must enrol one before getting a full session.",
  scope: "platform",
  schema: Schema.Boolean,
  default: false
})

export const SessionIdleTimeoutMinutes = define({
  key: "auth.session.idleTimeoutMinutes",
  description: "A session unused for this many minutes ends.",
  scope: "platform",
  schema: Minutes,
  default: 30
})

export const SessionAbsoluteTimeoutHours = define({
  key: "auth.session.absoluteTimeoutHours",
  description: "A session ends this many hours after login, however active.",
  scope: "platform",
  schema: Hours,
  default: 12
})

export const PlatformDisplayName = define({
  key: "platform.displayName",
  description: "The platform's name in notifications and the authenticator app.",
  scope: "platform",
  schema: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(80)),
  default: "baton"
})

/** Users may be registered into a tenant (may be turned off per tenant). */
export const UserRegistrationEnabled = define({
  key: "tenants.registration.enabled",
  description: "Users may be registered into the tenant.",
  scope: "tenant",
  schema: Schema.Boolean,
  default: true
})

/** Modules may be installed into a tenant (may be turned off per tenant). */
export const ModuleInstallationEnabled = define({
  key: "modules.installation.enabled",
  description: "Modules may be installed into the tenant.",
  scope: "tenant",
  schema: Schema.Boolean,
  default: true
})

/** The most lines a checkout's cart may have. */
export const CheckoutMaxLines = define({
  key: "commerce.checkout.maxLines",
  description: "The most lines a checkout's cart may have.",
  scope: "tenant",
  schema: Schema.Int.pipe(Schema.between(1, 100)),
  default: 10
})

/** A total above this many minor units of its currency earns a premium order confirmation. */
export const PremiumConfirmationAbove = define({
  key: "commerce.confirmation.premiumAbove",
  description: "An order total above this many minor units (cents) earns a premium confirmation.",
  scope: "tenant",
  schema: Schema.NonNegativeInt,
  default: 100_000
})

/** How long a checkout's stock reservation holds before others may take the units. */
export const ReservationMinutes = define({
  key: "commerce.reservation.minutes",
  description: "How long a checkout's stock reservation holds, in minutes.",
  scope: "tenant",
  schema: Minutes,
  default: 15
})

/** Every setting baton knows. */
export const catalogue: ReadonlyArray<Setting.Any> = [
  LoginEnabled,
  TotpRequired,
  SessionIdleTimeoutMinutes,
  SessionAbsoluteTimeoutHours,
  PlatformDisplayName,
  UserRegistrationEnabled,
  ModuleInstallationEnabled,
  ...supplySettings,
  ...returnSettings,
  CheckoutMaxLines,
  PremiumConfirmationAbove,
  ReservationMinutes
]

export const find = (entries: ReadonlyArray<Setting.Any>, key: string): Option.Option<Setting.Any> =>
  Option.fromNullable(entries.find((setting) => setting.key === key))

/** A change that passed every rule: the setting and the value in its canonical JSON form. */
export interface AcceptedChange {
  readonly setting: Setting.Any
  readonly value: Json
}

/**
 * Decides whether `value` may be stored under `key` for the scope: the key must exist, a tenant
 * override needs a tenant-scoped setting, and the value must satisfy the schema. The accepted
 * value is normalised by a decode/encode round trip (e.g. trimmed strings).
 */
export const validateChange = (
  entries: ReadonlyArray<Setting.Any>,
  key: string,
  value: unknown,
  tenant: Option.Option<TenantId>
): Either.Either<AcceptedChange, UnknownSetting | InvalidSettingValue | SettingNotOverridable> =>
  Option.match(find(entries, key), {
    onNone: () => Either.left(new UnknownSetting({ key })),
    onSome: (setting) => {
      if (Option.isSome(tenant) && setting.scope === "platform") {
        return Either.left(new SettingNotOverridable({ key }))
      }
      return Schema.decodeUnknownEither(setting.schema)(value).pipe(
        Either.flatMap(Schema.encodeEither(setting.schema)),
        Either.map((canonical): AcceptedChange => ({ setting, value: canonical })),
        Either.mapLeft((error) => new InvalidSettingValue({ key, issues: issuesOf(error) }))
      )
    }
  })
