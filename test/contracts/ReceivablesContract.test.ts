import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Option } from "effect"
import { CustomerId, ReceivableId, SalesOrderId, Sku } from "../../src/domain/supply/Ids.js"
import { ReceivableDocument, ReceivableLine, totalOf } from "../../src/domain/supply/Receivable.js"
import { Receivables } from "../../src/orchestration/supply/Receivables.js"
import { adapterFamilies } from "../support/Adapters.js"
import { acme, day, eur, globex } from "../support/SupplyFixtures.js"

const lines = [new ReceivableLine({ description: "Filter", sku: Sku.make("A"), quantity: 3, unitPrice: 1999 })] as const
const document = (id: string, key: string, kind: "invoice" | "credit-note" = "invoice") =>
  new ReceivableDocument({
    id: ReceivableId.make(id),
    kind,
    key,
    salesOrderId: SalesOrderId.make("S-1"),
    customerId: CustomerId.make("C-1"),
    currency: eur,
    lines: [...lines],
    total: totalOf(eur, lines),
    issuedOn: day("2025-03-05"),
    ...(kind === "credit-note" ? { invoiceId: ReceivableId.make("INV-1"), reason: "returned" } : {})
  })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Receivables contract: ${family.name}`, () => {
    it.live("issues a document once per idempotency key and lists an order's documents in order", () =>
      Effect.gen(function*() {
        const receivables = yield* Receivables
        const invoice = document("INV-1", "dropship:S-1/1:invoice")
        assert.deepStrictEqual(yield* receivables.issue(acme, invoice), { created: true, document: invoice })
        assert.deepStrictEqual(yield* receivables.issue(acme, document("INV-2", "dropship:S-1/1:invoice")), { created: false, document: invoice })
        const credit = document("CN-1", "rma:R-1:refund", "credit-note")
        assert.isTrue((yield* receivables.issue(acme, credit)).created)
        assert.isTrue((yield* receivables.issue(globex, document("INV-2", "dropship:S-1/1:invoice"))).created)
        assert.deepStrictEqual(yield* receivables.forSalesOrder(acme, SalesOrderId.make("S-1")), [invoice, credit])
        assert.deepStrictEqual(yield* receivables.find(acme, ReceivableId.make("CN-1")), Option.some(credit))
        assert.strictEqual(invoice.total.amount, 5997)
        assert.isTrue(Option.isNone(yield* receivables.find(acme, ReceivableId.make("INV-2"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("refuses an id already taken under another key", () =>
      Effect.gen(function*() {
        const receivables = yield* Receivables
        yield* receivables.issue(acme, document("INV-1", "a"))
        const exit = yield* Effect.exit(receivables.issue(acme, document("INV-1", "b")))
        assert.isTrue(Exit.isFailure(exit))
        assert.strictEqual((yield* receivables.forSalesOrder(acme, SalesOrderId.make("S-1"))).length, 1)
      }).pipe(Effect.provide(family.layer)))
  })
}
