import { assert, describe, it } from "@effect/vitest"
import { CheckoutRequest, CheckoutStatus, nextStatus, sameRequest } from "../../../src/domain/commerce/Checkout.js"
import { CustomerId } from "../../../src/domain/commerce/Customer.js"
import { PaymentMethod } from "../../../src/domain/commerce/Payment.js"
import { line } from "./Fixtures.js"

const request = (quantity: number, method = "pm_card_visa") =>
  new CheckoutRequest({ customerId: CustomerId.make("c"), paymentMethod: PaymentMethod.make(method), lines: [line("a", 1), line("b", quantity)] })

describe("checkout records", () => {
  it("recognise a retry of the same request, and a different request under the same key", () => {
    assert.isTrue(sameRequest(request(2), request(2)))
    assert.isFalse(sameRequest(request(2), request(3)))
    assert.isFalse(sameRequest(request(2), request(2, "pm_card_mastercard")))
  })

  it("keep a checkout awaiting manual intervention so, whatever is asked next", () => {
    for (const status of CheckoutStatus.literals) {
      assert.strictEqual(nextStatus("manual-intervention", status), "manual-intervention")
      assert.strictEqual(nextStatus("reserved", status), status)
    }
  })
})
