import type * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { assert } from "@effect/vitest"
import { Duration, Effect, Layer, Option, Schedule } from "effect"
import type { Dropship } from "../../../src/domain/fulfilment/Dropship.js"
import { defaultPolicy, type EscalationPolicy } from "../../../src/domain/fulfilment/Escalation.js"
import type { NotificationIntent } from "../../../src/domain/notifications/NotificationIntent.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { SalesOrderId } from "../../../src/domain/supply/Ids.js"
import * as CryptoKit from "../../../src/layers/crypto/CryptoKit.js"
import * as ConfiguredDropshipPolicy from "../../../src/layers/fulfilment/ConfiguredDropshipPolicy.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../../src/layers/memory/RecordingNotificationChannels.js"
import * as SqlPorts from "../../../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../../../src/layers/workflow/WorkflowEngines.js"
import * as DropshipSaga from "../../../src/orchestration/fulfilment/dropshipSaga.js"
import type { DropshipRef } from "../../../src/orchestration/fulfilment/DropshipWorkflow.js"
import { Dropships } from "../../../src/orchestration/fulfilment/Dropships.js"
import { Procurement } from "../../../src/orchestration/supply/Procurement.js"
import { Sales } from "../../../src/orchestration/supply/Sales.js"
import { createTenant } from "../../support/Access.js"
import { pendingNotifications } from "../../support/Intents.js"
import { acme, salesOrder, soLine, terms, vendor } from "../../support/SupplyFixtures.js"
import { sqlite } from "../../support/TestDatabases.js"

export const operator = new SystemActor({ component: "dropship-test" })

export type Services = SqlPorts.Ports | WorkflowEngine.WorkflowEngine

/** The dropship workflow on the durable engine over a fresh SQLite file (polled every 50 ms), with `policy`. */
export const onSqlite = (policy: EscalationPolicy = defaultPolicy): Layer.Layer<Services> =>
  DropshipSaga.layer.pipe(
    Layer.provideMerge(WorkflowEngines.layerSql({ pollInterval: Duration.millis(50) })),
    Layer.provideMerge(ConfiguredDropshipPolicy.layer(policy)),
    Layer.provideMerge(
      SqlPorts.layer.pipe(Layer.provideMerge(RecordingNotificationChannels.layer()), Layer.provide(CryptoKit.layerEphemeral()), Layer.provideMerge(sqlite))
    ),
    Layer.orDie
  )

/** The same on the in-memory engine over memory ports (not durable). */
export const inMemory = (policy: EscalationPolicy = defaultPolicy): Layer.Layer<Services> =>
  DropshipSaga.layer.pipe(
    Layer.provideMerge(WorkflowEngines.layerMemory),
    Layer.provideMerge(ConfiguredDropshipPolicy.layer(policy)),
    Layer.provideMerge(MemoryPorts.layer())
  )

export const ref = (salesOrderId = "S-1", lineNo = 1): DropshipRef => ({ tenantId: acme, salesOrderId: SalesOrderId.make(salesOrderId), lineNo })

/**
 * Tenant `acme`: vendor VEL dropships BIKE (lead time `leadTimeDays`, 150 EUR), vendor STOCK does
 * not; sales order S-1 has a dropship line 1 (5 BIKE at 2.50 EUR to Ada) and a stock line 2.
 */
export const arrange = (leadTimeDays = 3) =>
  Effect.gen(function*() {
    yield* createTenant("acme")
    const procurement = yield* Procurement
    yield* procurement.putVendors(acme, [vendor("VEL", { dropships: true, leadTimeDays }), vendor("STOCK")])
    yield* procurement.putTerms(acme, [terms("VEL", "BIKE", 150), terms("STOCK", "BIKE", 120)])
    yield* (yield* Sales).putSalesOrders(acme, [
      salesOrder("S-1", [soLine(1, "BIKE", 5, "2025-03-10", undefined, { vendorId: vendor("VEL").id }), soLine(2, "BIKE", 1, "2025-03-10", "AMS")]),
      salesOrder("S-2", [soLine(1, "BIKE", 2, "2025-03-10", undefined, { vendorId: vendor("STOCK").id })])
    ])
  })

/** The line's record, waited for until `until` holds (the workflow runs in the background). */
export const awaitDropship = (line: DropshipRef, until: (d: Dropship) => boolean, timeout: Duration.DurationInput = "20 seconds") =>
  Effect.flatMap(Dropships, (store) => store.find(line.tenantId, line.salesOrderId, line.lineNo)).pipe(
    Effect.map(Option.filter(until)),
    Effect.flatMap(Option.match({ onNone: () => Effect.fail("not yet" as const), onSome: Effect.succeed })),
    Effect.retry({ schedule: Schedule.spaced("25 millis"), times: Math.ceil(Duration.toMillis(timeout) / 25) }),
    Effect.orElse(() => Effect.die(new Error(`dropship ${line.salesOrderId}/${line.lineNo} did not reach the expected state`)))
  )

/** Notifications of a kind, in order. */
export const notices = (kind: string) =>
  Effect.map(pendingNotifications, (all): ReadonlyArray<NotificationIntent> => all.filter((n) => n.kind === kind))

/** The callback token of the latest notification of `kind` to the vendor. */
export const tokenOf = (kind = "supply.dropship.purchaseOrder") =>
  Effect.map(notices(kind), (found) => {
    const token = found.at(-1)?.data["callbackToken"]
    assert.isString(token, `a ${kind} notification carries the token`)
    return token as string
  })
