import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc, Option } from "effect"
import { decideCheckout, ReadyToReserve } from "../../../src/domain/commerce/CheckoutDecision.js"
import { CheckoutRejected, InsufficientStock } from "../../../src/domain/commerce/CheckoutOutcomes.js"
import { Sku } from "../../../src/domain/commerce/Cart.js"
import { CustomerId } from "../../../src/domain/commerce/Customer.js"
import { UnknownCustomer, UnknownProduct } from "../../../src/domain/commerce/Violations.js"
import { customer, eur, item, level, limits, line } from "./Fixtures.js"

const decide = (who: ReturnType<typeof customer> | undefined, lines: ReadonlyArray<ReturnType<typeof line>>, levels: ReadonlyArray<ReturnType<typeof level>>) =>
  decideCheckout({ customerId: CustomerId.make("c-x"), customer: Option.fromNullable(who), lines, levels, limits })

describe("decideCheckout", () => {
  it("prices the lines from the catalogue and reserves normally when everything is available", () => {
    const decision = decide(customer(), [line("a", 2), line("b", 1)], [level("a", 1999, 5), level("b", 500, 1)])
    assert.deepStrictEqual(
      decision,
      new ReadyToReserve({ items: [item("a", 1999, 2), item("b", 500, 1)], total: eur(4498), tier: "standard", backorder: false, confirmation: "standard" })
    )
  })

  it("rejects an unknown customer and unknown products at once, each product once", () => {
    assert.deepStrictEqual(
      decide(undefined, [line("a", 1), line("zz", 1), line("zz", 2)], [level("a", 1, 5)]),
      new CheckoutRejected({
        violations: [new UnknownCustomer({ customerId: CustomerId.make("c-x") }), new UnknownProduct({ sku: Sku.make("zz") })]
      })
    )
  })

  it("rejects with every violation of the rules", () => {
    const decision = decide(customer("standard", false), [line("a", 0)], [level("a", 100, 5)])
    assert.deepStrictEqual(decision._tag === "CheckoutRejected" ? decision.violations.map((v) => v._tag) : [], ["CustomerNotVerified", "NonPositiveQuantity"])
  })

  it("refuses a standard customer what is short, naming the products", () => {
    assert.deepStrictEqual(
      decide(customer(), [line("a", 2), line("b", 3), line("c", 1)], [level("a", 1, 1), level("b", 1, 3), level("c", 1, 0)]),
      new InsufficientStock({ skus: [Sku.make("a"), Sku.make("c")] })
    )
  })

  it("lets a premium customer backorder what is short", () => {
    const decision = decide(customer("premium"), [line("a", 2)], [level("a", 1, 0)])
    assert.deepStrictEqual(decision, new ReadyToReserve({ items: [item("a", 1, 2)], total: eur(2), tier: "premium", backorder: true, confirmation: "premium" }))
  })

  it.prop(
    "only reserves carts the rules accept, and then for their exact total",
    [fc.array(fc.record({ sku: fc.constantFrom("a", "b", "c"), quantity: fc.integer({ min: -2, max: 6 }) }), { maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), fc.constantFrom("standard" as const, "premium" as const)],
    ([wanted, stock, tier]) => {
      const levels = ["a", "b", "c"].map((sku, i) => level(sku, 100 * (i + 1), stock[i] ?? 0))
      const decision = decide(customer(tier), wanted.map((w) => line(w.sku, w.quantity)), levels)
      if (decision._tag !== "ReadyToReserve") return
      assert.isTrue(wanted.length > 0 && wanted.every((w) => w.quantity > 0))
      const expected = wanted.reduce((sum, w) => sum + w.quantity * 100 * (["a", "b", "c"].indexOf(w.sku) + 1), 0)
      assert.strictEqual(decision.total.amount, expected)
      assert.strictEqual(decision.backorder, tier === "premium")
    }
  )
})
