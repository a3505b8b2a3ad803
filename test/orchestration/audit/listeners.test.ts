import { assert, describe, it } from "@effect/vitest"
import { Effect, Ref, TestClock } from "effect"
import { Device } from "../../../src/domain/identity/Session.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import * as MemoryAuditLog from "../../../src/layers/memory/MemoryAuditLog.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { ChannelRecorder } from "../../../src/layers/memory/RecordingNotificationChannels.js"
import { AuditListeners } from "../../../src/orchestration/audit/AuditListeners.js"
import { suspendAdmin } from "../../../src/orchestration/identity/changeAdminStatus.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { RepositoryError } from "../../../src/orchestration/shared/RepositoryError.js"
import { deliverAll } from "../../support/Deliveries.js"
import { createAdmin, device, email, password } from "../identity/support.js"

const wrong = login({ email, password: "not the password at all", device })
const right = login({ email, password, device })

/** The notices of `kind` the log channel delivered: account and data. */
const delivered = (kind: string) =>
  Effect.flatMap(ChannelRecorder, (recorder) => recorder.delivered).pipe(
    Effect.map((all) =>
      all.filter((d) => d.channel === "log" && d.record.intent.kind === kind).map((d) => ({
        account: d.record.intent.audience._tag === "AccountAudience" ? d.record.intent.audience.accountId : "operations",
        category: d.record.intent.category,
        data: d.record.intent.data
      }))
    )
  )

/** Listeners that fail (a store outage) for their first `failures` runs, then run for real. */
const flaky = (failures: number) =>
  Effect.gen(function*() {
    const real = yield* AuditListeners
    const runs = yield* Ref.make(0)
    const listeners = AuditListeners.of({
      react: (listener, record) =>
        Effect.flatMap(Ref.getAndUpdate(runs, (n) => n + 1), (n) =>
          n < failures ? Effect.fail(new RepositoryError({ operation: "test.listener", cause: new Error("store down") })) : real.react(listener, record))
    })
    return { runs, deliver: deliverAll.pipe(Effect.provideService(AuditListeners, listeners)) }
  })

describe("authentication event listeners", () => {
  it.effect("tell the account at the third consecutive password failure, once per streak", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      yield* Effect.replicateEffect(wrong, 2)
      yield* deliverAll
      assert.deepStrictEqual(yield* delivered("auth.failedLogins"), [])
      assert.strictEqual((yield* wrong)._tag, "InvalidCredentials")
      yield* wrong
      yield* deliverAll
      const [notice, ...others] = yield* delivered("auth.failedLogins")
      assert.deepStrictEqual(others, [], "not again at the fourth failure")
      assert.deepInclude(notice, { account: admin.id, category: "security" })
      assert.deepInclude(notice?.data, { failures: 3, ip: device.ip, userAgent: device.userAgent })
      assert.isString(notice?.data["auditRecord"])
      assert.strictEqual((yield* right)._tag, "Authenticated", "a success ends the streak")
      yield* Effect.replicateEffect(wrong, 3)
      yield* deliverAll
      assert.strictEqual((yield* delivered("auth.failedLogins")).length, 2, "a new streak, a new notice")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("tell the account of a login from a new device, once per device", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      yield* right
      yield* right
      yield* login({ email, password, device: new Device({ ...device, userAgent: "another browser" }) })
      yield* deliverAll
      const notices = yield* delivered("auth.newDevice")
      assert.deepStrictEqual(notices.map((n) => [n.account, n.data["userAgent"]]), [[admin.id, device.userAgent], [admin.id, "another browser"]])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("leave a suspension to the lifecycle, which tells the account once (no second notice from a listener)", () =>
    Effect.gen(function*() {
      const admin = yield* createAdmin
      const suspended = yield* suspendAdmin(new SystemActor({ component: "test" }), admin.id, "on leave")
      assert.strictEqual(suspended._tag, "AdminSuspended")
      assert.deepStrictEqual((yield* (yield* Outbox).list("pending", 100)).filter((l) => l.entry.destination.startsWith("listener:")), [])
      yield* deliverAll
      const told = (yield* Effect.flatMap(ChannelRecorder, (r) => r.delivered)).filter((d) => d.channel === "log" && d.record.intent.kind.includes("suspend"))
      assert.deepStrictEqual(told.map((d) => d.record.intent.kind), ["admins.suspended"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a failing listener changes no outcome and loses nothing: its run is retried with backoff until it succeeds", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const { deliver, runs } = yield* flaky(2)
      assert.strictEqual((yield* right)._tag, "Authenticated")
      yield* deliver
      assert.strictEqual((yield* MemoryAuditLog.records).length, 2, "the audit log is not held up by the listener")
      const [waiting] = (yield* (yield* Outbox).list("pending", 10)).filter((l) => l.entry.destination === "listener:auth.newDevice")
      assert.deepStrictEqual([waiting?.entry.attempts, waiting?.lastError], [1, "test.listener failed: store down"])
      assert.deepStrictEqual(yield* delivered("auth.newDevice"), [])
      yield* TestClock.adjust("1 second")
      yield* deliver
      yield* TestClock.adjust("1 second")
      yield* deliver
      assert.strictEqual(yield* Ref.get(runs), 3)
      assert.strictEqual((yield* delivered("auth.newDevice")).length, 1)
      assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a listener that keeps failing is dead-lettered after the last attempt, and runs once replayed", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const { deliver } = yield* flaky(4)
      yield* right
      for (let attempt = 0; attempt < 5; attempt++) yield* deliver.pipe(Effect.zipRight(TestClock.adjust("1 second")))
      const outbox = yield* Outbox
      const [dead] = yield* outbox.list("dead", 10)
      assert.deepStrictEqual([dead?.entry.destination, dead?.entry.attempts], ["listener:auth.newDevice", 4])
      assert.strictEqual(yield* outbox.replayDead("all", yield* TestClock.currentTimeMillis), 1)
      yield* deliver
      assert.strictEqual((yield* delivered("auth.newDevice")).length, 1)
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
