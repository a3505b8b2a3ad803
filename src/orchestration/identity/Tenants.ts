import { Context, type Effect, type Option } from "effect"
import type { Tenant, TenantStatus } from "../../domain/identity/Tenant.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** Tenants, by id (their slug). */
export class Tenants extends Context.Tag("baton/identity/Tenants")<Tenants, {
  /** Adds a tenant; `false` (nothing written) when the id is taken. */
  readonly create: (tenant: Tenant) => Effect.Effect<boolean, RepositoryError>
  readonly find: (id: TenantId) => Effect.Effect<Option.Option<Tenant>, RepositoryError>
  /** Every tenant, or only those given, ordered by id. */
  readonly list: (only?: ReadonlyArray<TenantId>) => Effect.Effect<ReadonlyArray<Tenant>, RepositoryError>
  readonly setStatus: (id: TenantId, status: TenantStatus) => Effect.Effect<void, RepositoryError>
}>() {}
