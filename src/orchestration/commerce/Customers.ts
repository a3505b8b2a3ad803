import { Context, type Effect, type Option } from "effect"
import type { Customer, CustomerId } from "../../domain/commerce/Customer.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

/** A tenant's storefront customers. */
export class Customers extends Context.Tag("baton/commerce/Customers")<Customers, {
  /** The customer of that id in the tenant, if any. Customers of other tenants are never seen. */
  readonly find: (tenantId: TenantId, id: CustomerId) => Effect.Effect<Option.Option<Customer>, RepositoryError>
  /** Creates the customer in the tenant, or replaces the one of the same id. */
  readonly put: (tenantId: TenantId, customer: Customer) => Effect.Effect<void, RepositoryError>
}>() {}
