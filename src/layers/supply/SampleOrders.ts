import { addDays, type Day } from "../../domain/supply/Calendar.js"
import { Address, PurchaseOrder, PurchaseOrderLine, SalesOrder, SalesOrderLine, ToWarehouse } from "../../domain/supply/Documents.js"
import { CustomerId, PurchaseOrderId, SalesOrderId, Sku, VendorId, WarehouseId } from "../../domain/supply/Ids.js"
import { CurrencyCode } from "../../domain/supply/Money.js"

/** The open purchase and sales orders of the sample data, dated relative to today. */

const eur = CurrencyCode.make("EUR")

/** A non-empty array from a list known to have elements. */
export const nonEmpty = <A>(values: ReadonlyArray<A>): [A, ...Array<A>] => {
  const [head, ...tail] = values
  if (head === undefined) throw new Error("sample data: an empty list")
  return [head, ...tail]
}

const po = (id: string, vendor: string, warehouse: string, status: "draft" | "confirmed", orderedOn: Day, lines: ReadonlyArray<readonly [string, number, number, number, Day]>) =>
  new PurchaseOrder({
    id: PurchaseOrderId.make(id),
    vendorId: VendorId.make(vendor),
    destination: new ToWarehouse({ warehouseId: WarehouseId.make(warehouse) }),
    status,
    origin: "import",
    currency: eur,
    orderedOn,
    lines: nonEmpty(lines.map(([sku, quantity, received, unitPrice, expectedOn], i) =>
      new PurchaseOrderLine({ lineNo: i + 1, sku: Sku.make(sku), quantity, receivedQuantity: received, unitPrice, expectedOn })))
  })

export const samplePurchaseOrders = (today: Day): ReadonlyArray<PurchaseOrder> => [
  po("PO-1001", "VELO", "AMS", "confirmed", addDays(today, -18), [
    ["TUBE-700C", 200, 0, 320, addDays(today, -11)],
    ["CHAIN-11S", 40, 0, 2150, addDays(today, -11)],
    ["BRAKE-PAD", 80, 0, 690, addDays(today, -11)],
    ["HELMET-M", 16, 0, 3400, addDays(today, 3)],
    ["CASSETTE-11", 10, 0, 4800, addDays(today, -11)]
  ]),
  po("PO-1002", "ROUE", "MAD", "confirmed", addDays(today, -9), [["TIRE-700C", 40, 0, 1850, addDays(today, 12)], ["WHEEL-29", 4, 0, 21000, addDays(today, 15)]]),
  po("PO-1003", "LUX", "BER", "confirmed", addDays(today, -8), [["LIGHT-SET", 48, 0, 1500, addDays(today, 6)]]),
  po("PO-1004", "VELO", "BER", "draft", addDays(today, -1), [["GLOVES-L", 48, 0, 900, addDays(today, 7)]]),
  po("PO-1005", "VELO", "AMS", "confirmed", addDays(today, -2), [["TUBE-700C", 300, 0, 320, addDays(today, 6)]])
]

export const shipTo = (name: string, city: string, postalCode: string, country: string) =>
  new Address({ name, line1: "1 Main Street", city, postalCode, country })

const so = (
  id: string,
  customer: string,
  address: Address,
  orderedOn: Day,
  lines: ReadonlyArray<readonly [string, number, number, Day, string]>
) =>
  new SalesOrder({
    id: SalesOrderId.make(id),
    customerId: CustomerId.make(customer),
    customerName: address.name,
    shipTo: address,
    status: "open",
    currency: eur,
    orderedOn,
    lines: nonEmpty(lines.map(([sku, quantity, unitPrice, promisedOn, source], i) =>
      new SalesOrderLine({
        lineNo: i + 1,
        sku: Sku.make(sku),
        quantity,
        unitPrice,
        promisedOn,
        dropship: source === "LUX",
        ...(source === "LUX" ? { vendorId: VendorId.make(source) } : { warehouseId: WarehouseId.make(source) })
      }))),
    shipments: []
  })

export const sampleSalesOrders = (today: Day): ReadonlyArray<SalesOrder> => [
  so("SO-2001", "C-AMSBIKES", shipTo("Amsterdam Bikes", "Amsterdam", "1011", "NL"), addDays(today, -2), [
    ["TUBE-700C", 30, 599, addDays(today, 1), "AMS"],
    ["CHAIN-11S", 10, 3490, addDays(today, 1), "AMS"]
  ]),
  so("SO-2002", "C-VELOHAUS", shipTo("Velohaus Berlin", "Berlin", "10115", "DE"), addDays(today, -1), [
    ["TIRE-700C", 20, 2990, addDays(today, 2), "BER"],
    ["HELMET-M", 8, 5990, addDays(today, 4), "BER"]
  ]),
  so("SO-2003", "C-RUTAS", shipTo("Rutas Madrid", "Madrid", "28001", "ES"), addDays(today, -1), [
    ["TIRE-700C", 12, 2990, addDays(today, 3), "MAD"],
    ["BRAKE-PAD", 20, 1190, addDays(today, 3), "MAD"]
  ]),
  so("SO-2004", "C-AMSBIKES", shipTo("Amsterdam Bikes", "Amsterdam", "1011", "NL"), today, [
    ["TUBE-700C", 25, 599, addDays(today, 5), "AMS"],
    ["HELMET-M", 12, 5990, addDays(today, 6), "AMS"],
    ["LIGHT-SET", 6, 2490, addDays(today, 9), "LUX"]
  ]),
  so("SO-2005", "C-CYCLO", shipTo("Cyclo Rotterdam", "Rotterdam", "3011", "NL"), today, [["TUBE-700C", 40, 579, addDays(today, 10), "AMS"]])
]
