import { DateTime, Effect, Fiber, Layer, Option, TestClock } from "effect"
import { CheckoutKey, type CheckoutRequest } from "../../../src/domain/commerce/Checkout.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import * as SandboxPaymentGateway from "../../../src/layers/payment/SandboxPaymentGateway.js"
import * as WorkflowEngines from "../../../src/layers/workflow/WorkflowEngines.js"
import { checkout } from "../../../src/orchestration/commerce/checkout.js"
import * as CheckoutSaga from "../../../src/orchestration/commerce/checkoutSaga.js"
import { Inventory } from "../../../src/orchestration/commerce/Inventory.js"
import { Orders } from "../../../src/orchestration/commerce/Orders.js"
import { createTenant } from "../../support/Access.js"
import { acme, arrange, customer, sku, stockItem } from "../../support/CommerceFixtures.js"
import * as Faults from "../../support/Faults.js"
import { pendingAudit, pendingNotifications } from "../../support/Intents.js"

/** The checkout saga on the in-memory engine over memory ports, the sandbox gateway and fault injection. */
export const layer = () =>
  CheckoutSaga.layer.pipe(
    Layer.provideMerge(WorkflowEngines.layerMemory),
    Layer.provideMerge(Faults.layer.pipe(Layer.provideMerge(Layer.merge(MemoryPorts.layer(), SandboxPaymentGateway.layer))))
  )

export const system = new SystemActor({ component: "storefront-test" })

/** Tenant `acme` with tea (5 on hand, 4.50 EUR), cups (2, 12.00 EUR), a gold bar (1, 2000.00 EUR) and four customers. */
export const shop = Effect.gen(function*() {
  yield* createTenant("acme")
  yield* arrange(acme, [stockItem("tea", 5, 450), stockItem("cup", 2, 1200), stockItem("gold", 1, 200_000)], [
    customer("alice"),
    customer("pat", "premium"),
    customer("nobody", "standard", false)
  ])
})

/** Runs an effect to its end while moving the test clock along (the saga sleeps between retries). */
export const settled = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let step = 0; step < 2000 && Option.isNone(yield* Fiber.poll(fiber)); step++) yield* TestClock.adjust("50 millis")
    return yield* Fiber.join(fiber)
  })

export const checkOut = (key: string, request: CheckoutRequest) => settled(checkout(system, acme, CheckoutKey.make(key), request))

/** Units on hand and available, per product. */
export const stock = Effect.gen(function*() {
  const levels = yield* (yield* Inventory).levels(acme, [sku("tea"), sku("cup"), sku("gold")], yield* DateTime.now)
  return Object.fromEntries(levels.map((level) => [level.sku, [level.onHand, level.available]]))
})

export const statusOf = (key: string) =>
  Effect.map(Effect.flatMap(Orders, (orders) => orders.findCheckout(acme, CheckoutKey.make(key))), Option.map((c) => c.status))

export const ledger = Effect.flatMap(SandboxPaymentGateway.SandboxLedger, (sandbox) => sandbox.ledger)

export const auditOutcomes = Effect.map(pendingAudit, (intents) => intents.filter((i) => i.action === "commerce.checkout").map((i) => i.outcome))

export const notificationKinds = Effect.map(pendingNotifications, (intents) => intents.map((i) => i.kind))
