import { Either, Option, ParseResult, Schema } from "effect"
import { InvariantViolation } from "../shared/Defects.js"
import { TenantId } from "../shared/Ids.js"
import { Json } from "../shared/Json.js"

/** Where a setting may be set: only platform-wide, or platform-wide with per-tenant overrides. */
export const SettingScope = Schema.Literal("platform", "tenant")
export type SettingScope = typeof SettingScope.Type

/** A key: lower-case dotted segments, e.g. `auth.session.idleTimeoutMinutes`. */
export const SettingKey = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/),
  Schema.brand("SettingKey")
)
export type SettingKey = typeof SettingKey.Type

/**
 * The definition of a typed setting. `schema` decodes the stored JSON into `A` and encodes `A`
 * back to JSON; `default` applies where nothing is stored. A feature flag is a `Setting<boolean>`.
 */
export interface Setting<A, I extends Json = Json> {
  readonly key: SettingKey
  readonly description: string
  readonly scope: SettingScope
  readonly schema: Schema.Schema<A, I>
  readonly default: A
}

export declare namespace Setting {
  // Settings of different types live together in a catalogue.
  export type Any = Setting<any, any>
}

export const define = <A, I extends Json>(options: {
  readonly key: string
  readonly description: string
  readonly scope: SettingScope
  readonly schema: Schema.Schema<A, I>
  readonly default: A
}): Setting<A, I> => ({ ...options, key: SettingKey.make(options.key) })

/** A value as stored: platform-wide when `tenantId` is none, else a tenant's override. */
export class StoredSetting extends Schema.Class<StoredSetting>("StoredSetting")({
  key: Schema.String,
  tenantId: Schema.OptionFromNullOr(TenantId),
  value: Json
}) {}

/** Where an effective value comes from. */
export const ValueSource = Schema.Literal("default", "platform", "tenant")
export type ValueSource = typeof ValueSource.Type

/** A setting's effective value in a scope, with its definition's description. */
export class EffectiveSetting extends Schema.Class<EffectiveSetting>("EffectiveSetting")({
  key: Schema.String,
  description: Schema.String,
  scope: SettingScope,
  value: Json,
  source: ValueSource
}) {}

/** The stored entry that wins for `tenant`: its override, else the platform value. */
export const winningEntry = (
  key: string,
  stored: ReadonlyArray<StoredSetting>,
  tenant: Option.Option<TenantId>
): Option.Option<StoredSetting> => {
  const forKey = stored.filter((entry) => entry.key === key)
  const override = Option.flatMap(tenant, (id) =>
    Option.fromNullable(forKey.find((entry) => Option.contains(entry.tenantId, id)))
  )
  return Option.orElse(override, () => Option.fromNullable(forKey.find((entry) => Option.isNone(entry.tenantId))))
}

/** The value stored exactly at this scope (a tenant's own override, or the platform value), not inherited. */
export const storedAt = (
  key: string,
  stored: ReadonlyArray<StoredSetting>,
  tenant: Option.Option<TenantId>
): Option.Option<Json> =>
  Option.fromNullable(
    stored.find((entry) => entry.key === key && Option.getOrNull(entry.tenantId) === Option.getOrNull(tenant))
  ).pipe(Option.map((entry) => entry.value))

/**
 * The typed effective value of `setting` for `tenant`. A stored value that no longer decodes is
 * an invariant violation (it was validated on the way in), reported with the key and the issues.
 */
export const resolve = <A, I extends Json>(
  setting: Setting<A, I>,
  stored: ReadonlyArray<StoredSetting>,
  tenant: Option.Option<TenantId>
): Either.Either<A, InvariantViolation> =>
  Option.match(winningEntry(setting.key, stored, tenant), {
    onNone: () => Either.right(setting.default),
    onSome: (entry) =>
      Schema.decodeUnknownEither(setting.schema)(entry.value).pipe(
        Either.mapLeft(
          (error) =>
            new InvariantViolation({
              message: `stored value of setting ${setting.key} does not match its schema: ${
                ParseResult.TreeFormatter.formatErrorSync(error)
              }`,
              cause: error
            })
        )
      )
  })

/** Every setting of the catalogue with its effective value for `tenant`, in key order. */
export const effectiveSettings = (
  catalogue: ReadonlyArray<Setting.Any>,
  stored: ReadonlyArray<StoredSetting>,
  tenant: Option.Option<TenantId>
): ReadonlyArray<EffectiveSetting> =>
  [...catalogue]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((setting) => {
      const entry = winningEntry(setting.key, stored, tenant)
      return new EffectiveSetting({
        key: setting.key,
        description: setting.description,
        scope: setting.scope,
        value: Option.match(entry, {
          onNone: () => Schema.encodeSync(setting.schema)(setting.default),
          onSome: (e) => e.value
        }),
        source: Option.match(entry, {
          onNone: () => "default" as const,
          onSome: (e) => (Option.isSome(e.tenantId) ? "tenant" as const : "platform" as const)
        })
      })
    })
