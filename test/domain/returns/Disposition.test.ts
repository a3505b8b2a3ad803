import { assert, describe, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { dispositionMovements, inspect, ruledDisposition, settledState, underWarranty } from "../../../src/domain/returns/Disposition.js"
import { Condition, refundAmount, Resolution } from "../../../src/domain/returns/Rma.js"
import { day, eur, vendorId, wh } from "../../support/SupplyFixtures.js"
import { rma } from "../../support/returns/RmaFixtures.js"

describe("the disposition of returned goods", () => {
  it("follows the rules: resellable → restock; defective under warranty → vendor; otherwise scrap", () => {
    const table = Condition.literals.flatMap((condition) => [true, false].map((warranty) => `${condition}/${warranty} → ${ruledDisposition(condition, warranty)}`))
    assert.deepStrictEqual(table, [
      "resellable/true → restock", "resellable/false → restock",
      "damaged/true → scrap", "damaged/false → scrap",
      "defective/true → return-to-vendor", "defective/false → scrap"
    ])
  })

  it("runs a warranty from delivery while a vendor is known", () => {
    const returned = rma("RMA-1", { vendorId: vendorId("ACME"), deliveredOn: day("2025-03-03") })
    assert.isTrue(underWarranty(returned, day("2025-03-13"), 10))
    assert.isFalse(underWarranty(returned, day("2025-03-14"), 10))
    assert.isFalse(underWarranty(rma("RMA-2", { vendorId: undefined }), day("2025-03-04"), 10))
  })

  it("takes an override only with a reason, and keeps what the rules said", () => {
    const ruled = Either.getOrThrow(inspect("damaged", false, day("2025-03-10"), undefined))
    assert.deepStrictEqual([ruled.disposition, ruled.ruled, ruled.overrideReason], ["scrap", "scrap", undefined])
    const overridden = Either.getOrThrow(inspect("damaged", false, day("2025-03-10"), { disposition: "restock", reason: " box only " }))
    assert.deepStrictEqual([overridden.disposition, overridden.ruled, overridden.overrideReason], ["restock", "scrap", "box only"])
    assert.isTrue(Either.isLeft(inspect("damaged", false, day("2025-03-10"), { disposition: "restock", reason: "  " })))
    const same = Either.getOrThrow(inspect("resellable", false, day("2025-03-10"), { disposition: "restock", reason: "" }))
    assert.strictEqual(same.overrideReason, undefined, "an override that agrees with the rules is no override")
  })

  it("settles by the goods' fate, or, restocked, by the customer's remedy", () => {
    assert.deepStrictEqual(
      Resolution.literals.flatMap((r) => (["restock", "return-to-vendor", "scrap"] as const).map((d) => settledState(d, r))),
      ["Refunded", "ReturnedToVendor", "Scrapped", "Replaced", "ReturnedToVendor", "Scrapped"]
    )
  })

  it("moves stock once per RMA: the return in, then out to the vendor or the scrap", () => {
    const returned = rma("RMA-1")
    const kinds = (d: "restock" | "return-to-vendor" | "scrap") => dispositionMovements(returned, d, wh("W1"), day("2025-03-10"), 700).map((m) => `${m.kind} ${m.quantity} ${m.reference}`)
    assert.deepStrictEqual(kinds("restock"), ["customer-return 2 rma:RMA-1"])
    assert.deepStrictEqual(kinds("return-to-vendor"), ["customer-return 2 rma:RMA-1", "vendor-return -2 rma:RMA-1"])
    assert.deepStrictEqual(kinds("scrap"), ["customer-return 2 rma:RMA-1", "scrap -2 rma:RMA-1"])
  })

  it("refunds exact money: unit price × quantity in minor units", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (unitPrice, quantity) => {
      const amount = refundAmount({ unitPrice, quantity, currency: eur })
      return Number.isSafeInteger(amount.amount) && amount.amount === unitPrice * quantity && amount.currency === eur
    }))
  })
})
