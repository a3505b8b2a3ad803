import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Day } from "../../src/domain/supply/Calendar.js"
import { CostDocumentId, PurchaseOrderId, ReceiptId, VendorId } from "../../src/domain/supply/Ids.js"
import { allocate, CostDocument } from "../../src/domain/supply/LandedCost.js"
import { Money } from "../../src/domain/supply/Money.js"
import { Procurement } from "../../src/orchestration/supply/Procurement.js"
import { adapterFamilies } from "../support/Adapters.js"
import {
  acme,
  dropshipTo,
  eur,
  globex,
  poLine,
  purchaseOrder,
  receipt,
  receiptLine,
  sku,
  terms,
  vendor,
  wh
} from "../support/SupplyFixtures.js"

const r1 = receipt("R-1", "AMS", [receiptLine(1, "A", 10, 100), receiptLine(2, "B", 5, 300, { purchaseOrderLine: 2 })], { purchaseOrderId: PurchaseOrderId.make("PO-1") })
const document = (id: string, amount: number) =>
  new CostDocument({ id: CostDocumentId.make(id), kind: "freight", basis: "quantity", amount: new Money({ amount, currency: eur }) })

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Procurement contract: ${family.name}`, () => {
    it.live("adds and replaces vendors and supply terms, per tenant", () =>
      Effect.gen(function*() {
        const procurement = yield* Procurement
        yield* procurement.putVendors(acme, [vendor("ZETA"), vendor("ACME", { leadTimeStdDevDays: 1.5, dropships: true })])
        yield* procurement.putVendors(acme, [vendor("ZETA", { leadTimeDays: 21 })])
        yield* procurement.putVendors(globex, [vendor("OTHER")])
        assert.deepStrictEqual((yield* procurement.vendors(acme)).map((v) => [v.id, v.leadTimeDays, v.leadTimeStdDevDays, v.dropships]), [
          ["ACME", 7, 1.5, true],
          ["ZETA", 21, 0, false]
        ])
        assert.deepStrictEqual((yield* procurement.vendors(acme, [VendorId.make("ZETA")])).map((v) => v.id), ["ZETA"])
        yield* procurement.putTerms(acme, [terms("ZETA", "A", 90, { priority: 2 }), terms("ACME", "A", 100, { leadTimeDays: 3 }), terms("ACME", "B", 50)])
        yield* procurement.putTerms(acme, [terms("ACME", "B", 55, { minimumOrderQuantity: 12 })])
        assert.deepStrictEqual((yield* procurement.terms(acme)).map((t) => [t.sku, t.vendorId, t.unitPrice.amount, t.minimumOrderQuantity, t.leadTimeDays]), [
          ["A", "ACME", 100, 0, 3],
          ["A", "ZETA", 90, 0, undefined],
          ["B", "ACME", 55, 12, undefined]
        ])
        assert.deepStrictEqual((yield* procurement.terms(acme, [sku("B")])).length, 1)
        assert.deepStrictEqual(yield* procurement.terms(globex), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("stores purchase orders whole, replaces their lines, and filters them", () =>
      Effect.gen(function*() {
        const procurement = yield* Procurement
        const po1 = purchaseOrder("PO-1", "AMS", [poLine(1, "A", 10, "2025-03-10"), poLine(2, "B", 5, "2025-03-12")])
        const draft = purchaseOrder("PO-2", "BER", [poLine(1, "B", 7, "2025-03-20")], { status: "draft", origin: "replenishment" })
        const dropship = purchaseOrder("PO-3", "AMS", [poLine(1, "C", 1, "2025-03-09")], { destination: dropshipTo("S-1", 2), origin: "dropship" })
        yield* procurement.putPurchaseOrders(acme, [po1, draft, dropship])
        yield* procurement.putPurchaseOrders(acme, [purchaseOrder("PO-1", "AMS", [poLine(1, "A", 10, "2025-03-10", { receivedQuantity: 4 })])])
        const stored = yield* procurement.purchaseOrder(acme, PurchaseOrderId.make("PO-1"))
        assert.deepStrictEqual(Option.map(stored, (o) => o.lines.map((l) => [l.sku, l.receivedQuantity])), Option.some([["A", 4]]))
        assert.deepStrictEqual(yield* procurement.purchaseOrder(acme, PurchaseOrderId.make("PO-3")), Option.some(dropship))
        const ids = (filter: Parameters<typeof procurement.purchaseOrders>[1]) => Effect.map(procurement.purchaseOrders(acme, filter), (os) => os.map((o) => o.id))
        assert.deepStrictEqual(yield* ids({}), ["PO-1", "PO-2", "PO-3"])
        assert.deepStrictEqual(yield* ids({ statuses: ["draft", "confirmed"], warehouseId: wh("AMS") }), ["PO-1"])
        assert.deepStrictEqual(yield* ids({ skus: [sku("B")] }), ["PO-2"])
        assert.deepStrictEqual(yield* ids({ statuses: [] }), [])
        assert.deepStrictEqual(yield* procurement.purchaseOrders(globex, {}), [])
      }).pipe(Effect.provide(family.layer)))

    it.live("records a receipt once", () =>
      Effect.gen(function*() {
        const procurement = yield* Procurement
        assert.isTrue(yield* procurement.recordReceipt(acme, r1))
        assert.isFalse(yield* procurement.recordReceipt(acme, receipt("R-1", "BER", [receiptLine(1, "Z", 1, 1)])))
        assert.deepStrictEqual(yield* procurement.receipt(acme, ReceiptId.make("R-1")), Option.some(r1))
        assert.isTrue(Option.isNone(yield* procurement.receipt(globex, ReceiptId.make("R-1"))))
      }).pipe(Effect.provide(family.layer)))

    it.live("records a cost document's allocation once per tenant and returns only the ids recorded now", () =>
      Effect.gen(function*() {
        const procurement = yield* Procurement
        const on = Day.make("2025-03-05")
        const f = allocate(r1, document("F-1", 1500))
        const d = allocate(r1, document("D-1", 700))
        assert.deepStrictEqual((yield* procurement.recordAllocations(acme, [f], on)).map(String), ["F-1"])
        assert.deepStrictEqual((yield* procurement.recordAllocations(acme, [f, d], on)).map(String), ["D-1"])
        assert.deepStrictEqual((yield* procurement.recordAllocations(globex, [f], on)).map(String), ["F-1"])
        assert.deepStrictEqual(yield* procurement.allocations(acme, { receiptId: ReceiptId.make("R-1") }), [f, d])
        assert.deepStrictEqual((yield* procurement.allocations(acme, { documentIds: [CostDocumentId.make("D-1")] })).map((a) => a.documentId), ["D-1"])
        assert.deepStrictEqual(yield* procurement.allocations(acme, { receiptId: ReceiptId.make("R-9") }), [])
      }).pipe(Effect.provide(family.layer)))
  })
}
