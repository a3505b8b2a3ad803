import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Either, Option } from "effect"
import { deadlinesOf, defaultPolicy, nextEscalation } from "../../../src/domain/fulfilment/Escalation.js"
import { openDropship } from "../../../src/domain/fulfilment/Opening.js"
import { at, dropship } from "../../support/DropshipFixtures.js"
import { acme, salesOrder, soLine, terms, vendor } from "../../support/SupplyFixtures.js"

const now = at("2025-03-01T10:00:00Z")
const order = salesOrder("S-1", [soLine(1, "BIKE", 5, "2025-03-10", undefined, { vendorId: vendor("VEL").id }), soLine(2, "BIKE", 1, "2025-03-10", "AMS")])
const velo = vendor("VEL", { dropships: true, leadTimeDays: 4 })

const open = (overrides: Partial<Parameters<typeof openDropship>[0]> = {}) =>
  openDropship({ tenantId: acme, order, lineNo: 1, vendor: Option.some(velo), terms: [terms("VEL", "BIKE", 150)], policy: defaultPolicy, now, ...overrides })

const reason = (result: ReturnType<typeof open>) => Either.match(result, { onLeft: (r) => r.reason, onRight: () => "opened" })

describe("opening a dropship", () => {
  it("a dropship line of an open order with a dropshipping vendor and its terms: the record, Placing, priced and timed", () => {
    const opened = Either.getOrThrow(open())
    assert.deepStrictEqual([opened.state, opened.purchaseOrderId, opened.line.quantity, opened.line.unitPrice, opened.line.unitCost.amount], ["Placing", "DS-S-1-1", 5, 250, 150])
    assert.deepStrictEqual([opened.line.leadTimeDays, opened.line.overdueAfterMillis, opened.line.atRiskAfterMillis], [4, 4 * 86_400_000, 2 * 86_400_000])
    assert.deepStrictEqual(opened.line.shipTo, order.shipTo)
  })

  it("the terms' own lead time wins over the vendor's", () => {
    assert.strictEqual(Either.getOrThrow(open({ terms: [terms("VEL", "BIKE", 150, { leadTimeDays: 1 })] })).line.leadTimeDays, 1)
  })

  it("refuses with the reason", () => {
    assert.match(reason(open({ lineNo: 2 })), /not a dropship line/)
    assert.match(reason(open({ lineNo: 7 })), /no line 7/)
    assert.match(reason(open({ order: salesOrder("S-1", order.lines, { status: "closed" }) })), /is closed/)
    assert.match(reason(open({ vendor: Option.none() })), /unknown/)
    assert.match(reason(open({ vendor: Option.some(vendor("VEL")) })), /does not dropship/)
    assert.match(reason(open({ terms: [terms("OTHER", "BIKE", 150)] })), /no supply terms/)
    assert.match(reason(open({ order: salesOrder("S-".padEnd(78, "9"), order.lines) })), /too long/)
  })
})

describe("escalation deadlines", () => {
  it("the promised lead time after the order, then the second delay; escalations come in order while awaited", () => {
    const line = dropship("acme", "S-1", 1).line
    const deadlines = deadlinesOf(now, line)
    assert.deepStrictEqual([DateTime.formatIso(deadlines.overdueAt), DateTime.formatIso(deadlines.atRiskAt)], ["2025-03-04T10:00:00.000Z", "2025-03-06T10:00:00.000Z"])
    const awaiting = dropship("acme", "S-1", 1, { state: "AwaitingVendor", deadlines })
    assert.deepStrictEqual(Option.map(nextEscalation(awaiting), (e) => e.level), Option.some("overdue"))
    assert.deepStrictEqual(Option.map(nextEscalation(dropship("acme", "S-1", 1, { state: "PartiallyShipped", deadlines, escalation: "overdue" })), (e): ReadonlyArray<unknown> => [e.level, e.at]), Option.some<ReadonlyArray<unknown>>(["atRisk", deadlines.atRiskAt]))
    assert.isTrue(Option.isNone(nextEscalation(dropship("acme", "S-1", 1, { state: "AwaitingVendor", deadlines, escalation: "atRisk" }))))
    assert.isTrue(Option.isNone(nextEscalation(dropship("acme", "S-1", 1, { state: "Shipped", deadlines }))))
    assert.isTrue(Option.isNone(nextEscalation(dropship("acme", "S-1", 1, { state: "Placing" }))))
  })

  it("a compressed policy scales the lead-time day", () => {
    const opened = Either.getOrThrow(open({ policy: { day: Duration.millis(1500), atRiskAfter: Duration.seconds(9) } }))
    assert.deepStrictEqual([opened.line.overdueAfterMillis, opened.line.atRiskAfterMillis], [6000, 9000])
  })
})
