import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Layer } from "effect"
import { SalesOrderId } from "../../../../src/domain/supply/Ids.js"
import { recordInspection } from "../../../../src/orchestration/returns/recordInspection.js"
import { recordReceipt } from "../../../../src/orchestration/returns/recordReceipt.js"
import { requestReturn } from "../../../../src/orchestration/returns/requestReturn.js"
import { InventoryLedger } from "../../../../src/orchestration/supply/InventoryLedger.js"
import { wh } from "../../SupplyFixtures.js"
import { arrange, engineAt, system, tenant } from "../ReturnsEngine.js"

/**
 * `rmaCrashWorker <sqlite file>`: runs a refund RMA on the durable engine over the file, whose
 * inventory ledger announces `POSTING` and hangs when the workflow posts the stock movement —
 * after the credit note — so that the test kills this process (`kill -9`) right there.
 */
const [file] = process.argv.slice(2)

const hangsOnPost = Layer.effect(
  InventoryLedger,
  Effect.map(InventoryLedger, (ledger) =>
    InventoryLedger.of({ ...ledger, post: () => Effect.zipRight(Effect.sync(() => console.log("POSTING")), Effect.never) }))
)

const program = Effect.gen(function*() {
  yield* arrange
  const requested = yield* requestReturn(system, tenant, { salesOrderId: SalesOrderId.make("S-1"), lineNo: 1, quantity: 2, reason: "too small", resolution: "refund" })
  if (requested._tag !== "RmaAuthorized") return yield* Effect.die(`not authorised: ${JSON.stringify(requested)}`)
  console.log(`RMA ${requested.rma.id}`)
  yield* recordReceipt(system, tenant, requested.rma.id, wh("W1"))
  yield* recordInspection(system, tenant, requested.rma.id, { condition: "resellable" })
  return yield* Effect.never
})

program.pipe(Effect.provide(engineAt(String(file), hangsOnPost)), NodeRuntime.runMain)
