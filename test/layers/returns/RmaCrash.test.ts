import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { RmaId } from "../../../src/domain/returns/Rma.js"
import { SalesOrderId, Sku } from "../../../src/domain/supply/Ids.js"
import { InventoryLedger } from "../../../src/orchestration/supply/InventoryLedger.js"
import { Receivables } from "../../../src/orchestration/supply/Receivables.js"
import { concluded, engineAt, portsAt, storedRma, tenant } from "../../support/returns/ReturnsEngine.js"
import { spawnScript } from "../../support/ServiceProcess.js"
import { eventually } from "../../support/WebhookReceiver.js"

const state = (id: RmaId) =>
  Effect.gen(function*() {
    const rma = yield* storedRma(id)
    const credits = (yield* (yield* Receivables).forSalesOrder(tenant, SalesOrderId.make("S-1"))).filter((d) => d.kind === "credit-note")
    const movements = (yield* (yield* InventoryLedger).movements(tenant, { sku: Sku.make("A"), limit: 10 })).map((m) => `${m.movement.kind} ${m.movement.quantity} ${m.movement.reference}`)
    return { rma, credits: credits.map((c) => `${c.id} ${c.total.amount}`), movements }
  })

describe("an RMA crash between the credit note and the stock movement (real process, kill -9)", () => {
  it.scopedLive("the killed workflow resumes in a new engine on the same file: the stock moves, and there is still one credit note", () =>
    Effect.gen(function*() {
      const dir = yield* Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-rma-crash-"))),
        (path) => Effect.sync(() => rmSync(path, { recursive: true, force: true }))
      )
      const file = join(dir, "baton.db")
      const worker = yield* spawnScript("test/support/returns/scripts/rmaCrashWorker.ts", [file], {})
      yield* eventually("the workflow posting the stock movement after the credit note", () => worker.output().includes("POSTING"), 45_000)
      worker.child.kill("SIGKILL")
      assert.strictEqual(yield* worker.exited, "SIGKILL")
      const id = RmaId.make(/RMA (\S+)/.exec(worker.output())?.[1] ?? assert.fail(worker.output()))

      const crashed = yield* state(id).pipe(Effect.provide(portsAt(file)))
      assert.strictEqual(crashed.rma.state, "Inspected")
      assert.deepStrictEqual(crashed.credits, [`CN-${id} 3998`], "the credit note was issued before the crash")
      assert.strictEqual(crashed.rma.refund?.creditNoteId, `CN-${id}`)
      assert.deepStrictEqual([crashed.rma.stockPosted, crashed.movements], [false, []], "the stock movement was not")

      const resumed = yield* Effect.gen(function*() {
        const outcome = yield* concluded(crashed.rma, "45 seconds")
        return { outcome, ...(yield* state(id)) }
      }).pipe(Effect.provide(engineAt(file)))
      assert.deepStrictEqual([resumed.outcome._tag, resumed.outcome.state], ["RmaConcluded", "Closed"])
      assert.deepStrictEqual(resumed.rma.history.map((h) => h.state), ["Authorized", "Received", "Inspected", "Refunded", "Closed"])
      assert.deepStrictEqual(resumed.movements, [`customer-return 2 rma:${id}`], "the stock moved once, on resume")
      assert.deepStrictEqual(resumed.credits, [`CN-${id} 3998`], "never a second credit note")
      assert.isTrue(resumed.rma.stockPosted)
    }), 120_000)
})
