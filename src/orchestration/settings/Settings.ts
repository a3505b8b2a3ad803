import { Context, type Effect, type Option } from "effect"
import type { Setting, SettingKey, StoredSetting } from "../../domain/settings/Setting.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { Json } from "../../domain/shared/Json.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Typed settings and feature flags: platform-wide values with per-tenant overrides. */
export class Settings extends Context.Tag("baton/settings/Settings")<Settings, {
  /**
   * The effective value of `setting` for `tenant` (its override, else the platform value, else
   * the default). A stored value that no longer decodes is a defect (`InvariantViolation`).
   */
  readonly get: <A, I extends Json>(setting: Setting<A, I>, tenant?: TenantId) => Effect.Effect<A, RepositoryError>
  /** The stored values that apply to the scope: platform-wide ones, plus the tenant's overrides if given. */
  readonly stored: (tenant: Option.Option<TenantId>) => Effect.Effect<ReadonlyArray<StoredSetting>, RepositoryError>
  /** Stores an already validated value in canonical JSON form, replacing any previous one. */
  readonly put: (key: SettingKey, tenant: Option.Option<TenantId>, value: Json) => Effect.Effect<void, RepositoryError>
}>() {}
