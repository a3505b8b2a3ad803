import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { dataSetFromCsv, parseCsv } from "../../../src/layers/cli/SupplyCsv.js"
import { runCli } from "../../support/ServiceProcess.js"

describe("CSV import", () => {
  it("parses quoted fields, doubled quotes, embedded commas and newlines, CRLF", () => {
    assert.deepStrictEqual(parseCsv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\n"), [["a", "b"], ["x, \"y\"", "two\nlines"]])
  })

  it("decodes a kind's rows or names every bad cell by row and column", () => {
    const good = dataSetFromCsv("terms", "vendorId,sku,unitPrice,currency,minimumOrderQuantity,priority\nVELO,TUBE,320,EUR,100,1\n")
    const terms = Either.getOrThrow(good).terms.map((t) => [String(t.vendorId), t.unitPrice.amount, t.leadTimeDays])
    assert.deepStrictEqual(terms, [["VELO", 320, undefined]])
    const bad = dataSetFromCsv("demand", "sku,warehouseId,day,quantity\nA,AMS,2025-02-30,1\nA,AMS,2025-02-01,-2\n")
    assert.isTrue(Either.isLeft(bad))
    assert.deepStrictEqual(Either.isLeft(bad) ? bad.left.map((i) => i.split(":")[0]) : [], ["row 2.day", "row 3.quantity"])
  })
})

describe("supply from the command line", () => {
  it.scopedLive("load-sample creates the tenant and loads the sample once; import loads a CSV all or nothing", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "baton-supply-cli-"))
      const env = { BATON_DATA_DIR: dir }
      const loaded = yield* runCli(["supply", "load-sample", "--tenant", "demo"], env)
      assert.strictEqual(loaded.code, 0, loaded.output)
      assert.include(loaded.output, "created tenant demo")
      assert.match(loaded.output, /items: 12, warehouses: 3, vendors: 3, terms: 13, purchaseOrders: 5, salesOrders: 5, demand: 13140, movements: \d+, receipts: 1/)
      const again = yield* runCli(["supply", "load-sample", "--tenant", "demo"], env)
      assert.deepStrictEqual([again.code, again.output.trim().split("\n").at(-1)], [1, "baton: the sample is loaded already (its receipt R-1001 is posted)"])
      const csv = join(dir, "movements.csv")
      writeFileSync(csv, "sku,warehouseId,quantity,kind,reference,occurredOn\nTUBE-700C,AMS,-100000,shipment,oops,2025-01-02\n")
      const refused = yield* runCli(["supply", "import", "--tenant", "demo", "--kind", "movements", csv], env)
      assert.strictEqual(refused.code, 1)
      assert.include(refused.output, "movements[0].quantity: TUBE-700C at AMS: 100000 out")
    }), 90_000)
})
