import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { CustomerUpdated } from "../../domain/commerce/CatalogueOutcomes.js"
import type { Customer } from "../../domain/commerce/Customer.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Customers } from "./Customers.js"

/** Registers or updates a storefront customer (`commerce.manage`), audited: `CustomerUpdated` or a refusal. */
export const putCustomer = fn("Commerce.putCustomer")(function*(actor: Actor, tenantId: TenantId, customer: Customer) {
  const refused = yield* authorize(actor, "commerce.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const [customers, auditTrail] = yield* Effect.all([Customers, AuditTrail])
  yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    yield* customers.put(tenantId, customer)
    yield* auditTrail.record(
      new AuditIntent({
        action: "commerce.customers.put",
        actor,
        outcome: "CustomerUpdated",
        target: new AuditTarget({ type: "customer", id: customer.id }),
        tenantId,
        details: { tier: customer.tier, verified: customer.verified }
      })
    )
  }))
  return new CustomerUpdated({ customer })
})
