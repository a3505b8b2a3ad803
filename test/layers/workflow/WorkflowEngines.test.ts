import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Activity from "@effect/workflow/Activity"
import * as DurableClock from "@effect/workflow/DurableClock"
import * as Workflow from "@effect/workflow/Workflow"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Clock, Context, Duration, Effect, Exit, Layer, Ref, Schema } from "effect"
import * as WorkflowEngines from "../../../src/layers/workflow/WorkflowEngines.js"

class ShippingFailed extends Schema.TaggedError<ShippingFailed>()("ShippingFailed", { orderId: Schema.String }) {}

const Order = Workflow.make({
  name: "WorkflowEnginesTest/Order",
  payload: { orderId: Schema.String, failShipping: Schema.Boolean },
  success: Schema.String,
  error: ShippingFailed,
  idempotencyKey: ({ orderId }) => orderId
})

class Runs extends Context.Tag("test/WorkflowEngines/Runs")<Runs, Ref.Ref<ReadonlyArray<string>>>() {}

const record = (step: string) => Effect.flatMap(Runs, (runs) => Ref.update(runs, Arr.append(step)))

const coolOff = Duration.seconds(1)

const OrderLive = Order.toLayer(Effect.fn(function*({ failShipping, orderId }) {
  const reservation = yield* Activity.make({
    name: "reserve",
    success: Schema.String,
    execute: Effect.as(record("reserve"), `reservation-${orderId}`)
  })
  yield* DurableClock.sleep({ name: "cool-off", duration: coolOff, inMemoryThreshold: Duration.zero })
  yield* Activity.make({ name: "charge", execute: record("charge") }).pipe(
    Order.withCompensation(() => record("refund"))
  )
  yield* Activity.make({
    name: "ship",
    error: ShippingFailed,
    execute: failShipping ? Effect.fail(new ShippingFailed({ orderId })) : record("ship")
  })
  return `shipped ${reservation}`
}))

const tempDatabase = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-wf-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
).pipe(Effect.map((dir) => join(dir, "baton.db")))

const engineAt = (filename: string, runs: Ref.Ref<ReadonlyArray<string>>) =>
  OrderLive.pipe(
    Layer.provide(Layer.succeed(Runs, runs)),
    Layer.provideMerge(WorkflowEngines.layerSql()),
    Layer.provideMerge(SqliteClient.layer({ filename }))
  )

const pendingTimers = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) =>
    sql<{ readonly deliver_at: number }>`
      SELECT deliver_at FROM cluster_messages WHERE entity_type = ${"Workflow/-/DurableClock"} AND NOT processed
    `
)

const awaitTimer = pendingTimers.pipe(
  Effect.delay("20 millis"),
  Effect.repeat({ until: (rows) => rows.length > 0 }),
  Effect.timeout("5 seconds")
)

const awaitCompletion = (executionId: string) =>
  Order.poll(executionId).pipe(
    Effect.delay("50 millis"),
    Effect.repeat({ until: (result) => result?._tag === "Complete" }),
    Effect.timeout("10 seconds")
  )

describe("WorkflowEngines.layerSql on SQLite", () => {
  it.scopedLive("runs activities once, sleeps on a durable timer and returns the success value", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make<ReadonlyArray<string>>([])
      const outcome = yield* Order.execute({ orderId: "o-1", failShipping: false }).pipe(
        Effect.timed,
        Effect.provide(engineAt(yield* tempDatabase, runs))
      )
      assert.strictEqual(outcome[1], "shipped reservation-o-1")
      assert.isTrue(Duration.greaterThanOrEqualTo(outcome[0], coolOff))
      assert.deepStrictEqual(yield* Ref.get(runs), ["reserve", "charge", "ship"])
    }))

  it.scopedLive("returns the workflow's failure and runs the compensation of completed steps", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make<ReadonlyArray<string>>([])
      const exit = yield* Order.execute({ orderId: "o-2", failShipping: true }).pipe(
        Effect.exit,
        Effect.provide(engineAt(yield* tempDatabase, runs))
      )
      assert.deepStrictEqual(exit, Exit.fail(new ShippingFailed({ orderId: "o-2" })))
      assert.deepStrictEqual(yield* Ref.get(runs), ["reserve", "charge", "refund"])
    }))

  it.scopedLive("returns the stored result for a repeated idempotency key without re-running activities", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make<ReadonlyArray<string>>([])
      const [first, second, failed, failedAgain] = yield* Effect.all([
        Order.execute({ orderId: "o-3", failShipping: false }),
        Order.execute({ orderId: "o-3", failShipping: false }),
        Effect.flip(Order.execute({ orderId: "o-4", failShipping: true })),
        Effect.flip(Order.execute({ orderId: "o-4", failShipping: true }))
      ]).pipe(Effect.provide(engineAt(yield* tempDatabase, runs)))
      assert.deepStrictEqual([first, second], ["shipped reservation-o-3", "shipped reservation-o-3"])
      assert.deepStrictEqual([failed, failedAgain], [new ShippingFailed({ orderId: "o-4" }), new ShippingFailed({ orderId: "o-4" })])
      assert.deepStrictEqual(yield* Ref.get(runs), ["reserve", "charge", "ship", "reserve", "charge", "refund"])
    }))

  it.scopedLive("stores the timer in SQL, so a new engine on the same file finishes the workflow", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make<ReadonlyArray<string>>([])
      const filename = yield* tempDatabase
      const startedAt = yield* Clock.currentTimeMillis
      const [executionId, timers, whileSleeping] = yield* Effect.gen(function*() {
        const executionId = yield* Order.execute({ orderId: "o-5", failShipping: false }, { discard: true })
        const timers = yield* awaitTimer
        return [executionId, timers, yield* Order.poll(executionId)] as const
      }).pipe(Effect.provide(engineAt(filename, runs)))
      assert.strictEqual(timers.length, 1)
      assert.isTrue(timers.every((timer) => timer.deliver_at >= startedAt + Duration.toMillis(coolOff)))
      assert.strictEqual(whileSleeping?._tag, "Suspended")
      assert.deepStrictEqual(yield* Ref.get(runs), ["reserve"])

      const [result, timersAfter] = yield* Effect.all([awaitCompletion(executionId), pendingTimers]).pipe(
        Effect.provide(engineAt(filename, runs))
      )
      assert.deepStrictEqual(result, new Workflow.Complete({ exit: Exit.succeed("shipped reservation-o-5") }))
      assert.deepStrictEqual(timersAfter, [])
      assert.deepStrictEqual(yield* Ref.get(runs), ["reserve", "charge", "ship"])
    }))
})
