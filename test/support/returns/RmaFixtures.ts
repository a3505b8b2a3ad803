import { DateTime } from "effect"
import { Rma, RmaEvent, RmaId } from "../../../src/domain/returns/Rma.js"
import { CustomerId, SalesOrderId } from "../../../src/domain/supply/Ids.js"
import { day, eur, sku, wh } from "../SupplyFixtures.js"

/** Small builders of RMAs for tests: an authorised return of 2 × A at 19.99 EUR from S-1 line 1. */

export const at = (iso: string) => DateTime.unsafeMake(iso)

export const rma = (id: string, fields: Partial<ConstructorParameters<typeof Rma>[0]> = {}) =>
  new Rma({
    id: RmaId.make(id),
    salesOrderId: SalesOrderId.make("S-1"),
    lineNo: 1,
    sku: sku("A"),
    quantity: 2,
    reason: "wrong size",
    resolution: "refund",
    customerId: CustomerId.make("C-1"),
    currency: eur,
    unitPrice: 1999,
    warehouseId: wh("W1"),
    deliveredOn: day("2025-03-03"),
    state: "Authorized",
    rejection: [],
    receiveBy: at("2025-04-03T00:00:00Z"),
    stockPosted: false,
    requestedAt: at("2025-03-05T10:00:00Z"),
    version: 1,
    history: [new RmaEvent({ state: "Authorized", at: at("2025-03-05T10:00:00Z"), actor: "account:a" })],
    ...fields
  })
