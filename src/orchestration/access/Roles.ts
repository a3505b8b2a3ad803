import { Context, type Effect, type Option } from "effect"
import type { EffectiveGrant, Role, RoleGrant, RoleName } from "../../domain/access/Role.js"
import type { AccountId, TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/**
 * Roles and role grants. Built-in roles are always there; custom roles belong to one tenant.
 * `tenant` none means the platform.
 */
export class Roles extends Context.Tag("baton/access/Roles")<Roles, {
  /** Stores a custom role; `false` (nothing written) when its tenant has one of that name. */
  readonly define: (role: Role) => Effect.Effect<boolean, RepositoryError>
  /** The role of that name visible in the scope: a built-in one, or the tenant's custom one. */
  readonly find: (name: RoleName, tenant: Option.Option<TenantId>) => Effect.Effect<Option.Option<Role>, RepositoryError>
  /** Built-in roles and, for a tenant, its custom roles. */
  readonly list: (tenant: Option.Option<TenantId>) => Effect.Effect<ReadonlyArray<Role>, RepositoryError>
  /** Adds a grant; `false` when the account holds that role there already. */
  readonly grant: (grant: RoleGrant) => Effect.Effect<boolean, RepositoryError>
  /** Removes a grant; `false` when there was none. */
  readonly revoke: (account: AccountId, role: RoleName, tenant: Option.Option<TenantId>) => Effect.Effect<boolean, RepositoryError>
  /** Removes every grant of the account in the tenant; returns how many. */
  readonly revokeAllIn: (account: AccountId, tenant: TenantId) => Effect.Effect<number, RepositoryError>
  /** The account's grants everywhere, each with its role's abilities. */
  readonly grantsOf: (account: AccountId) => Effect.Effect<ReadonlyArray<EffectiveGrant>, RepositoryError>
  /** The accounts holding the role there (e.g. the platform admins). */
  readonly holders: (role: RoleName, tenant: Option.Option<TenantId>) => Effect.Effect<ReadonlyArray<AccountId>, RepositoryError>
}>() {}
