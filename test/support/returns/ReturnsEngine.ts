import { type Duration, Effect, Layer, Option } from "effect"
import type { RmaConcluded } from "../../../src/domain/returns/ReturnOutcomes.js"
import type { Rma, RmaId } from "../../../src/domain/returns/Rma.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { type Day, dayOfMillis } from "../../../src/domain/supply/Calendar.js"
import { Shipment } from "../../../src/domain/supply/Documents.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import * as Database from "../../../src/layers/sql/Database.js"
import * as Migrations from "../../../src/layers/sql/Migrations.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../../../src/layers/workflow/WorkflowEngines.js"
import type { InventoryLedger } from "../../../src/orchestration/supply/InventoryLedger.js"
import { Rmas } from "../../../src/orchestration/returns/Rmas.js"
import * as DropshipSaga from "../../../src/orchestration/fulfilment/dropshipSaga.js"
import * as RmaSaga from "../../../src/orchestration/returns/rmaSaga.js"
import { RmaWorkflow, runOf } from "../../../src/orchestration/returns/RmaWorkflow.js"
import { InventoryLedger as Ledger } from "../../../src/orchestration/supply/InventoryLedger.js"
import { Procurement } from "../../../src/orchestration/supply/Procurement.js"
import { Sales } from "../../../src/orchestration/supply/Sales.js"
import { Warehouses } from "../../../src/orchestration/supply/Warehouses.js"
import { item, salesOrder, soLine, terms, vendor, warehouse } from "../SupplyFixtures.js"

/** The returns workflow on the durable engine over a SQLite file, with every port (an engine restarted on the same file resumes). */

export const tenant = TenantId.make("acme")
export const system = new SystemActor({ component: "test" })

/** The ports over a migrated SQLite file. */
export const portsAt = (filename: string) =>
  SqlPorts.layer.pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(filename)))),
    Layer.orDie
  )

/**
 * The engine with the RMA workflow (and the dropship workflow its replacements may start) over the file. `ledger` replaces the inventory ledger of the
 * whole process (the engine runs workflows with its own context, so the port is swapped at the root).
 */
export const engineAt = (filename: string, ledger?: Layer.Layer<InventoryLedger, never, InventoryLedger>) => {
  const base = portsAt(filename)
  const ports = ledger === undefined ? base : Layer.merge(base, Layer.provide(ledger, base))
  return Layer.merge(RmaSaga.layer, DropshipSaga.layer).pipe(Layer.provideMerge(WorkflowEngines.layerSql()), Layer.provideMerge(ports), Layer.orDie)
}

export const today = (): Day => dayOfMillis(Date.now())

/**
 * A warehouse W1, vendors (DS dropships, ACME does not), items A (from ACME, 7.00) and D (from
 * DS), B not returnable; sales order S-1 of C-1: line 1 3 × A at 19.99 from W1, line 2 1 × D,
 * line 3 1 × B — all delivered today.
 */
export const arrange = Effect.gen(function*() {
  const day = today()
  yield* (yield* Warehouses).putWarehouses(tenant, [warehouse("W1")])
  const procurement = yield* Procurement
  yield* procurement.putVendors(tenant, [vendor("ACME"), vendor("DS", { dropships: true })])
  yield* procurement.putTerms(tenant, [terms("ACME", "A", 700), terms("DS", "D", 1500)])
  yield* (yield* Ledger).putItems(tenant, [item("A"), item("D"), item("B", { returnable: false })])
  yield* (yield* Sales).putSalesOrders(tenant, [
    salesOrder("S-1", [
      soLine(1, "A", 3, day, "W1", { unitPrice: 1999 }),
      soLine(2, "D", 1, day, "W1", { unitPrice: 4500 }),
      soLine(3, "B", 1, day, "W1")
    ], {
      orderedOn: day,
      shipments: [1, 2, 3].map((lineNo) => new Shipment({ lineNo, quantity: lineNo === 1 ? 3 : 1, shippedOn: day, deliveredOn: day }))
    })
  ])
})

/** Waits until the RMA's workflow is complete; its outcome. */
export const concluded = (rma: Rma, timeout: Duration.DurationInput = "20 seconds") =>
  Effect.flatMap(RmaWorkflow.executionId(runOf(tenant, rma)), (executionId) =>
    RmaWorkflow.poll(executionId).pipe(
      Effect.delay("50 millis"),
      Effect.repeat({ until: (result) => result?._tag === "Complete" }),
      Effect.timeoutFail({ duration: timeout, onTimeout: () => new Error(`RMA ${rma.id} did not conclude within ${timeout}`) }),
      Effect.flatMap((result): Effect.Effect<RmaConcluded, unknown> => (result?._tag === "Complete" ? result.exit : Effect.die("unreachable")))
    ))

/** The stored RMA. */
export const storedRma = (id: RmaId) => Effect.flatMap(Effect.flatMap(Rmas, (rmas) => rmas.find(tenant, id)), Option.match({ onNone: () => Effect.die(`no RMA ${id}`), onSome: Effect.succeed }))

/** Waits until the stored RMA is in `state` (the workflow's steps moved it there). */
export const awaitState = (id: RmaId, state: Rma["state"]) =>
  storedRma(id).pipe(
    Effect.delay("50 millis"),
    Effect.repeat({ until: (rma) => rma.state === state }),
    Effect.timeoutFail({ duration: "20 seconds", onTimeout: () => new Error(`RMA ${id} never reached ${state}`) })
  )

