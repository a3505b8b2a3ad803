import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc, Option } from "effect"
import { CartItem, Sku } from "../../../src/domain/commerce/Cart.js"
import {
  backorderAllowed,
  calculateTotal,
  confirmationKind,
  validateCheckout
} from "../../../src/domain/commerce/CheckoutRules.js"
import { Customer, CustomerId } from "../../../src/domain/commerce/Customer.js"
import { CurrencyCode, Money } from "../../../src/domain/commerce/Money.js"
import { customer, EUR, eur, item, limits, USD } from "./Fixtures.js"

const tags = (violations: ReadonlyArray<{ readonly _tag: string }>) => violations.map((v) => v._tag)

describe("validateCheckout", () => {
  it.each([
    ["a valid cart", customer(), [item("a", 100, 1)], []],
    ["an unverified customer", customer("standard", false), [item("a", 100, 1)], ["CustomerNotVerified"]],
    ["an empty cart", customer(), [], ["EmptyCart"]],
    ["eleven lines", customer(), Array.from({ length: 11 }, (_, i) => item(`s${i}`, 1, 1)), ["TooManyLines"]],
    ["exactly ten lines", customer(), Array.from({ length: 10 }, (_, i) => item(`s${i}`, 1, 1)), []],
    ["a zero price", customer(), [item("a", 0, 1)], ["NonPositivePrice"]],
    ["a negative price", customer(), [item("a", -5, 1)], ["NonPositivePrice"]],
    ["a zero quantity", customer(), [item("a", 100, 0)], ["NonPositiveQuantity"]],
    ["a negative quantity", customer(), [item("a", 100, -2)], ["NonPositiveQuantity"]],
    ["mixed currencies", customer(), [item("a", 100, 1), item("b", 100, 1, USD)], ["MixedCurrencies"]],
    ["the same SKU twice", customer(), [item("a", 100, 1), item("a", 100, 2)], ["DuplicateSku"]],
    ["a total beyond exact integers", customer(), [item("a", 1_000_000_000, 9_007_200)], ["AmountTooLarge"]],
    [
      "everything at once, in a stable order",
      customer("premium", false),
      [item("a", 0, 0), item("a", 1, 1, USD)],
      ["CustomerNotVerified", "DuplicateSku", "NonPositivePrice", "NonPositiveQuantity", "MixedCurrencies"]
    ]
  ] as const)("%s", (_, who, items, expected) => {
    assert.deepStrictEqual(tags(validateCheckout(who, items, limits)), [...expected])
  })

  it("counts lines against the tenant's limit", () => {
    const items = [item("a", 1, 1), item("b", 1, 1), item("c", 1, 1)]
    const [violation] = validateCheckout(customer(), items, { maxLines: 2 })
    assert.deepStrictEqual(violation?._tag === "TooManyLines" ? [violation.lines, violation.max] : [], [3, 2])
  })

  const anyItem = fc.record({
    sku: fc.stringMatching(/^[a-z]{1,3}$/),
    amount: fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER)),
    quantity: fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER)),
    currency: fc.constantFrom("EUR", "USD", "JPY")
  }).map(({ amount, currency, quantity, sku }) =>
    new CartItem({ sku: Sku.make(sku), name: sku, unitPrice: new Money({ amount, currency: CurrencyCode.make(currency) }), quantity })
  )
  const anyCustomer = fc.record({ tier: fc.constantFrom("standard" as const, "premium" as const), verified: fc.boolean() })
    .map(({ tier, verified }) => new Customer({ id: CustomerId.make("c"), tier, verified }))

  it.prop(
    "never throws, and finds no violation exactly when the cart is valid",
    [anyCustomer, fc.array(anyItem, { maxLength: 14 }), fc.integer({ min: 1, max: 12 })],
    ([who, items, maxLines]) => {
      const violations = validateCheckout(who, items, { maxLines })
      const skus = items.map((i) => i.sku)
      const valid = who.verified && items.length > 0 && items.length <= maxLines && new Set(skus).size === skus.length &&
        items.every((i) => i.unitPrice.amount > 0 && i.quantity > 0) &&
        new Set(items.map((i) => i.unitPrice.currency)).size === 1 &&
        items.reduce((s, i) => s + BigInt(i.unitPrice.amount) * BigInt(i.quantity), 0n) <= BigInt(Number.MAX_SAFE_INTEGER)
      assert.strictEqual(violations.length === 0, valid)
    },
    { fastCheck: { numRuns: 500 } }
  )
})

describe("calculateTotal", () => {
  it.each([
    ["one line", [item("a", 1999, 3)], Option.some(eur(5997))],
    ["several lines", [item("a", 1, 1), item("b", 10, 2), item("c", 333, 3)], Option.some(eur(1020))],
    ["no line", [], Option.none()],
    ["several currencies", [item("a", 1, 1), item("b", 1, 1, USD)], Option.none()],
    ["a total beyond exact integers", [item("a", Number.MAX_SAFE_INTEGER, 2)], Option.none()]
  ] as const)("%s", (_, items, expected) => {
    assert.deepStrictEqual(calculateTotal(items), expected)
  })

  it("adds cents that floating point would round (0.1 + 0.2)", () => {
    assert.deepStrictEqual(calculateTotal([item("a", 10, 1), item("b", 20, 1)]), Option.some(eur(30)))
  })

  it.prop(
    "is exactly the sum of price × quantity, whatever the order of the lines",
    [fc.array(fc.record({ amount: fc.integer({ min: 1, max: 1_000_000_000 }), quantity: fc.integer({ min: 1, max: 10_000 }) }), { minLength: 1, maxLength: 100 })],
    ([lines]) => {
      const items = lines.map((l, i) => item(`s${i}`, l.amount, l.quantity))
      const exact = lines.reduce((sum, l) => sum + BigInt(l.amount) * BigInt(l.quantity), 0n)
      const total = calculateTotal(items)
      assert.deepStrictEqual(total, Option.some(eur(Number(exact))))
      assert.strictEqual(BigInt(Option.getOrThrow(total).amount), exact)
      assert.deepStrictEqual(calculateTotal([...items].reverse()), total)
    },
    { fastCheck: { numRuns: 300 } }
  )
})

describe("confirmationKind", () => {
  it.each([
    ["standard, at the threshold", 100_000, "standard", "standard"],
    ["standard, one cent above", 100_001, "standard", "premium"],
    ["standard, far below", 1, "standard", "standard"],
    ["premium tier, below", 1, "premium", "premium"],
    ["premium tier, above", 500_000, "premium", "premium"]
  ] as const)("%s", (_, amount, tier, expected) => {
    assert.strictEqual(confirmationKind(new Money({ amount, currency: EUR }), tier, limits.premiumAbove), expected)
  })

  it.prop(
    "is premium exactly when the total exceeds the threshold or the tier is premium",
    [fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom("standard" as const, "premium" as const), fc.integer({ min: 0, max: 10 ** 12 })],
    ([amount, tier, threshold]) => {
      const kind = confirmationKind(eur(amount), tier, threshold)
      assert.strictEqual(kind === "premium", amount > threshold || tier === "premium")
    }
  )
})

describe("backorderAllowed", () => {
  it("allows premium customers only", () => {
    assert.deepStrictEqual([backorderAllowed("premium"), backorderAllowed("standard")], [true, false])
  })
})
