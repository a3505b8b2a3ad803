import { Context, type Effect, type Option } from "effect"
import type { Member, Membership, PageRequest } from "../../domain/identity/Membership.js"
import type { AccountId, TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Who belongs to which tenant. Every method is scoped by the tenant it names. */
export class Memberships extends Context.Tag("baton/identity/Memberships")<Memberships, {
  /** Adds a membership; `false` (nothing written) when the account is a member already. */
  readonly add: (membership: Membership) => Effect.Effect<boolean, RepositoryError>
  readonly find: (tenant: TenantId, account: AccountId) => Effect.Effect<Option.Option<Membership>, RepositoryError>
  /** The tenant's members with their roles there, ordered by email; `after` is an email. */
  readonly list: (tenant: TenantId, page: PageRequest) => Effect.Effect<ReadonlyArray<Member>, RepositoryError>
  /** Removes the membership (not the role grants: the caller revokes those); `false` when there was none. */
  readonly remove: (tenant: TenantId, account: AccountId) => Effect.Effect<boolean, RepositoryError>
  /** The tenants the account belongs to. */
  readonly tenantsOf: (account: AccountId) => Effect.Effect<ReadonlyArray<TenantId>, RepositoryError>
}>() {}
