import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Exit, Option } from "effect"
import { AuditIntent, AuditRecord } from "../../src/domain/audit/AuditIntent.js"
import { NotificationIntent, OperationsAudience } from "../../src/domain/notifications/NotificationIntent.js"
import { PlatformDisplayName, SessionIdleTimeoutMinutes } from "../../src/domain/settings/Catalogue.js"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import { IntentId } from "../../src/domain/shared/Ids.js"
import { AuditLog } from "../../src/orchestration/audit/AuditLog.js"
import { AuditTrail } from "../../src/orchestration/audit/AuditTrail.js"
import { Notifications } from "../../src/orchestration/notifications/Notifications.js"
import { Outbox } from "../../src/orchestration/outbox/Outbox.js"
import { Settings } from "../../src/orchestration/settings/Settings.js"
import { Transactions } from "../../src/orchestration/shared/Transactions.js"
import { adapterFamilies, AuditReader } from "../support/Adapters.js"

const actor = new SystemActor({ component: "test" })
const audit = (action: string) => new AuditIntent({ action, actor, outcome: "Done" })
const notice = new NotificationIntent({ kind: "test.notice", category: "info", audience: new OperationsAudience(), data: {} })

const pendingDestinations = Effect.flatMap(Outbox, (outbox) => outbox.list("pending", 100)).pipe(
  Effect.map((listed) => listed.map((l) => `${l.entry.intent._tag === "AuditRecord" ? l.entry.intent.intent.action : "notice"}>${l.entry.destination}`))
)

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Transactions contract: ${family.name}`, () => {
    it.live("commits writes and their intents together", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
          yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 5)
          yield* (yield* AuditTrail).record(audit("commit"))
          yield* (yield* Notifications).emit(notice)
        }))
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 5)
        assert.deepStrictEqual(yield* pendingDestinations, ["commit>audit", "notice>log", "notice>webhook"])
      }).pipe(Effect.provide(family.layer)))

    it.live("rolls back writes and intents on a failure or a defect", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        const transactions = yield* Transactions
        const work = Effect.gen(function*() {
          yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 5)
          yield* (yield* AuditTrail).record(audit("rolled-back"))
          yield* (yield* Notifications).emit(notice)
        })
        const failed = yield* Effect.exit(transactions.withTransaction(work.pipe(Effect.zipRight(Effect.fail("no")))))
        const died = yield* Effect.exit(transactions.withTransaction(work.pipe(Effect.zipRight(Effect.die("boom")))))
        assert.isTrue(Exit.isFailure(failed) && Exit.isFailure(died))
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 30)
        assert.deepStrictEqual(yield* pendingDestinations, [])
      }).pipe(Effect.provide(family.layer)))

    it.live("undoes only the nested part when a nested unit of work fails", () =>
      Effect.gen(function*() {
        const settings = yield* Settings
        const transactions = yield* Transactions
        const trail = yield* AuditTrail
        yield* transactions.withTransaction(Effect.gen(function*() {
          yield* settings.put(SessionIdleTimeoutMinutes.key, Option.none(), 7)
          yield* trail.record(audit("outer"))
          yield* transactions.withTransaction(Effect.gen(function*() {
            yield* settings.put(PlatformDisplayName.key, Option.none(), "inner")
            yield* trail.record(audit("inner"))
            return yield* Effect.fail("inner failed")
          })).pipe(Effect.ignore)
        }))
        assert.strictEqual(yield* settings.get(SessionIdleTimeoutMinutes), 7)
        assert.strictEqual(yield* settings.get(PlatformDisplayName), "baton")
        assert.deepStrictEqual(yield* pendingDestinations, ["outer>audit"])
      }).pipe(Effect.provide(family.layer)))

    it.live("writes an intent recorded outside any transaction at once", () =>
      Effect.gen(function*() {
        yield* (yield* AuditTrail).record(audit("alone"))
        assert.deepStrictEqual(yield* pendingDestinations, ["alone>audit"])
      }).pipe(Effect.provide(family.layer)))

    it.live("appends an audit record once, however often it is delivered", () =>
      Effect.gen(function*() {
        const log = yield* AuditLog
        const record = new AuditRecord({ id: IntentId.make("r-1"), occurredAt: DateTime.unsafeMake(0), intent: audit("once") })
        yield* log.append([record])
        yield* log.append([record])
        yield* log.append([new AuditRecord({ ...record, id: IntentId.make("r-2") })])
        assert.deepStrictEqual(yield* (yield* AuditReader).ids, ["r-1", "r-2"])
      }).pipe(Effect.provide(family.layer)))
  })
}
