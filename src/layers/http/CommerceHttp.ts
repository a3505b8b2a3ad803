import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect } from "effect"
import { CartLine } from "../../domain/commerce/Cart.js"
import { CheckoutRequest } from "../../domain/commerce/Checkout.js"
import { Customer } from "../../domain/commerce/Customer.js"
import { Money } from "../../domain/commerce/Money.js"
import { StockItem } from "../../domain/commerce/Stock.js"
import { checkout } from "../../orchestration/commerce/checkout.js"
import { getCheckout } from "../../orchestration/commerce/getCheckout.js"
import { getOrder } from "../../orchestration/commerce/getOrder.js"
import { getStock } from "../../orchestration/commerce/getStock.js"
import { putCustomer } from "../../orchestration/commerce/putCustomer.js"
import { putStock } from "../../orchestration/commerce/putStock.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import { type CheckoutPayload, type CommerceApi, CheckoutFailedResponse } from "./CommerceApi.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Customers } from "../../orchestration/commerce/Customers.js"
import { Inventory } from "../../orchestration/commerce/Inventory.js"
import { Orders } from "../../orchestration/commerce/Orders.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { builtWithOnly } from "../BuiltWithOnly.js"

const requestOf = (payload: typeof CheckoutPayload.Type) =>
  new CheckoutRequest({
    customerId: payload.customerId,
    paymentMethod: payload.paymentMethod,
    lines: payload.lines.map((line) => new CartLine(line))
  })

/** A rolled-back saga: logged in full, answered with the key's fate and no internals. */
const failed = (error: { readonly key: string; readonly message: string }) =>
  Effect.logError("checkout failed and was rolled back").pipe(
    Effect.annotateLogs({ error: error.message }),
    Effect.zipRight(Effect.fail(new CheckoutFailedResponse({
      message: `checkout ${error.key} failed and was rolled back; its status is at /checkouts/${error.key}; retry with a new Idempotency-Key`
    })))
  )

/** Handlers of the `commerce` group, for any API that contains it. */
export const handlers = <E, P, R>(
  group: HttpApiBuilder.Handlers<E | ServiceUnavailable | CheckoutFailedResponse, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof CommerceApi>>
) =>
  group
    .handle("checkout", ({ headers, path, payload }) =>
      asCaller((actor) => checkout(actor, path.id, headers["idempotency-key"], requestOf(payload))).pipe(Effect.catchTag("CheckoutFailed", failed)))
    .handle("order", ({ path }) => asCaller((actor) => getOrder(actor, path.id, path.orderId)))
    .handle("checkoutStatus", ({ path }) => asCaller((actor) => getCheckout(actor, path.id, path.key)))
    .handle("putStock", ({ path, payload }) =>
      asCaller((actor) => putStock(actor, path.id, new StockItem({ sku: path.sku, name: payload.name, unitPrice: new Money(payload.unitPrice), onHand: payload.onHand }))))
    .handle("stock", ({ path }) => asCaller((actor) => getStock(actor, path.id, path.sku)))
    .handle("putCustomer", ({ path, payload }) =>
      asCaller((actor) => putCustomer(actor, path.id, new Customer({ id: path.customerId, ...payload }))))

/** The `commerce` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "commerce", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Customers, Inventory, Orders, Transactions, WorkflowEngine)
)
