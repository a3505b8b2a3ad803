import { Effect, Either, type ParseResult, Schema } from "effect"
import { Day } from "../../domain/supply/Calendar.js"
import { SupplyDataSet } from "../../domain/supply/DataSet.js"
import { Sku, VendorId, WarehouseId } from "../../domain/supply/Ids.js"
import { DemandRecord, MovementKind, StockMovement } from "../../domain/supply/Ledger.js"
import { Item, SupplyTerms, Vendor, Warehouse } from "../../domain/supply/MasterData.js"
import { CurrencyCode, Money } from "../../domain/supply/Money.js"
import { issuesOf } from "../../domain/shared/Outcomes.js"

/**
 * CSV import for the flat kinds of supply data (the shape ERPs export): a header row naming
 * the columns below, one record per row, quoted fields as in RFC 4180. Orders, with their
 * lines, load as JSON (`supply import data.json`).
 */

/** Splits CSV text into rows of fields (quotes, doubled quotes, commas and newlines inside quotes). */
export const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === "\"" && text[i + 1] === "\"") (field += "\"", i++)
      else if (c === "\"") quoted = false
      else field += c
    } else if (c === "\"") quoted = true
    else if (c === ",") (row.push(field), field = "")
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      if (row.some((f) => f !== "")) rows.push(row)
      row = []
      field = ""
    } else field += c
  }
  row.push(field)
  if (row.some((f) => f !== "")) rows.push(row)
  return rows
}

const Int = Schema.NumberFromString.pipe(Schema.int())
const Flag = Schema.transform(Schema.Literal("true", "false", "1", "0", "yes", "no").annotations({ message: () => "true, false, yes, no, 1 or 0" }), Schema.Boolean, {
  strict: true,
  decode: (s) => s === "true" || s === "1" || s === "yes",
  encode: (b) => (b ? "true" : "false")
})
const Optional = <A, I, R>(schema: Schema.Schema<A, I, R>) => Schema.optionalWith(schema, { exact: true })
const price = (row: { readonly unitPrice: number; readonly currency: CurrencyCode }) => new Money({ amount: row.unitPrice, currency: row.currency })

export const kinds = {
  items: Schema.Struct({
    sku: Sku, name: Schema.String, unitOfMeasure: Schema.String, packSize: Int, transferLotSize: Int, returnable: Flag,
    unitWeightGrams: Int, unitVolumeCm3: Int
  }).pipe(Schema.compose(Item, { strict: false })),
  warehouses: Schema.Struct({ id: WarehouseId, name: Schema.String }).pipe(Schema.compose(Warehouse, { strict: false })),
  vendors: Schema.Struct({ id: VendorId, name: Schema.String, leadTimeDays: Int, leadTimeStdDevDays: Schema.NumberFromString, dropships: Flag })
    .pipe(Schema.compose(Vendor, { strict: false })),
  terms: Schema.transform(
    Schema.Struct({ vendorId: VendorId, sku: Sku, unitPrice: Int, currency: CurrencyCode, minimumOrderQuantity: Int, priority: Int, leadTimeDays: Optional(Int) }),
    Schema.typeSchema(SupplyTerms),
    { strict: false, decode: (row) => new SupplyTerms({ ...row, unitPrice: price(row) }), encode: (t) => t }
  ),
  demand: Schema.Struct({ sku: Sku, warehouseId: WarehouseId, day: Day, quantity: Int }).pipe(Schema.compose(DemandRecord, { strict: false })),
  movements: Schema.Struct({
    sku: Sku, warehouseId: WarehouseId, quantity: Int, kind: MovementKind, reference: Schema.String, occurredOn: Day, unitCost: Optional(Int)
  }).pipe(Schema.compose(StockMovement, { strict: false }))
} as const

export type CsvKind = keyof typeof kinds

const rowsOf = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknownEither(Schema.Array(schema), { errors: "all" })

const build: { readonly [K in CsvKind]: (records: unknown) => Either.Either<SupplyDataSet, ParseResult.ParseError> } = {
  items: (r) => Either.map(rowsOf(kinds.items)(r), (items) => new SupplyDataSet({ items })),
  warehouses: (r) => Either.map(rowsOf(kinds.warehouses)(r), (warehouses) => new SupplyDataSet({ warehouses })),
  vendors: (r) => Either.map(rowsOf(kinds.vendors)(r), (vendors) => new SupplyDataSet({ vendors })),
  terms: (r) => Either.map(rowsOf(kinds.terms)(r), (terms) => new SupplyDataSet({ terms })),
  demand: (r) => Either.map(rowsOf(kinds.demand)(r), (demand) => new SupplyDataSet({ demand })),
  movements: (r) => Either.map(rowsOf(kinds.movements)(r), (movements) => new SupplyDataSet({ movements }))
}

/** The data set of one CSV file of a kind, or every issue (row numbers count the header as row 1). */
export const dataSetFromCsv = (kind: CsvKind, text: string): Either.Either<SupplyDataSet, ReadonlyArray<string>> => {
  const [header = [], ...rows] = parseCsv(text)
  const records = rows.map((fields) => Object.fromEntries(header.flatMap((name, i) => (fields[i] === undefined || fields[i] === "" ? [] : [[name.trim(), fields[i]]]))))
  return Either.mapLeft(build[kind](records), (error) =>
    issuesOf(error).map((i) => `${i.path.replace(/^\[(\d+)\]/, (_, n: string) => `row ${Number(n) + 2}`)}: ${i.message}`))
}

export const readDataSet = (kind: CsvKind, text: string) =>
  Effect.suspend(() => Either.match(dataSetFromCsv(kind, text), { onLeft: Effect.fail, onRight: Effect.succeed }))
