import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted, TestClock } from "effect"
import { SessionAbsoluteTimeoutHours } from "../../../src/domain/settings/Catalogue.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import * as MemoryAuditLog from "../../../src/layers/memory/MemoryAuditLog.js"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { authenticate } from "../../../src/orchestration/identity/authenticate.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { setSetting } from "../../../src/orchestration/settings/setSetting.js"
import { actorOf, createAdmin, device, email, loginToken, password } from "./support.js"

const wrong = login({ email, password: "not the password at all", device })
const tags = <A extends { readonly _tag: string }>(outcomes: ReadonlyArray<A>) => outcomes.map((o) => o._tag)

describe("login", () => {
  it.effect("answers an unknown email exactly like a wrong password, and locks both alike", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const unknown = yield* Effect.replicateEffect(login({ email: "nobody@example.com", password, device }), 6)
      const known = yield* Effect.replicateEffect(wrong, 6)
      assert.deepStrictEqual(tags(unknown), tags(known))
      assert.deepStrictEqual(tags(known), ["InvalidCredentials", "InvalidCredentials", "InvalidCredentials", "InvalidCredentials", "AccountLocked", "AccountLocked"])
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("locks progressively after every fifth failure: 1 minute, then 2, at most 15; success resets", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const fifth = (yield* Effect.replicateEffect(wrong, 5))[4]
      assert.deepStrictEqual(fifth, { _tag: "AccountLocked", retryAfterSeconds: 60 } as never)
      const whileLocked = yield* login({ email, password, device })
      assert.strictEqual(whileLocked._tag, "AccountLocked", "even the right password waits for the lock")
      yield* TestClock.adjust("61 seconds")
      const tenth = (yield* Effect.replicateEffect(wrong, 5))[4]
      assert.deepStrictEqual(tenth, { _tag: "AccountLocked", retryAfterSeconds: 120 } as never)
      yield* TestClock.adjust("121 seconds")
      assert.strictEqual((yield* login({ email, password, device }))._tag, "Authenticated")
      assert.strictEqual((yield* wrong)._tag, "InvalidCredentials", "the success reset the counter")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("counts parallel wrong passwords each once: five at once lock the account", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const outcomes = yield* Effect.all(Array.from({ length: 5 }, () => wrong), { concurrency: "unbounded" })
      assert.strictEqual(outcomes.filter((o) => o._tag === "AccountLocked").length, 1)
      assert.strictEqual((yield* wrong)._tag, "AccountLocked")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("audits every attempt with its precise reason, and whether the device was new (for the new-device listener)", () =>
    Effect.gen(function*() {
      yield* createAdmin
      yield* login({ email: "nobody@example.com", password, device })
      yield* wrong
      yield* loginToken
      yield* loginToken
      const pending = (yield* (yield* Outbox).list("pending", 100)).map((l) => l.entry)
      const audits = pending.flatMap((e) =>
        e.destination === "audit" && e.intent._tag === "AuditRecord" && e.intent.intent.action === "auth.login"
          ? [[e.intent.intent.outcome, e.intent.intent.reason ?? "", e.intent.intent.details?.["newDevice"] ?? null]]
          : []
      )
      assert.deepStrictEqual(audits, [
        ["InvalidCredentials", "unknown email", null],
        ["InvalidCredentials", "wrong password", null],
        ["Authenticated", "", true],
        ["Authenticated", "", false]
      ])
      const listened = pending.filter((e) => e.destination === "listener:auth.newDevice")
      assert.strictEqual(listened.length, 1, "only the first login from this device is handed to the listener")
      assert.isFalse(pending.some((e) => e.intent._tag === "NotificationRecord"), "the login itself notifies nobody: the listener does, after commit")
      assert.deepStrictEqual(yield* MemoryAuditLog.records, [], "nothing delivered without a dispatcher")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("is refused with FeatureDisabled when login is switched off", () =>
    Effect.gen(function*() {
      yield* createAdmin
      yield* setSetting(new SystemActor({ component: "test" }), { key: "auth.login.enabled", value: false })
      assert.deepStrictEqual(yield* login({ email, password, device }), { _tag: "FeatureDisabled", feature: "auth.login.enabled" } as never)
    }).pipe(Effect.provide(MemoryPorts.layer())))
})

describe("sessions", () => {
  it.effect("end after 30 idle minutes, and after 12 hours however active", () =>
    Effect.gen(function*() {
      yield* createAdmin
      const idle = yield* loginToken
      yield* TestClock.adjust("29 minutes")
      assert.strictEqual((yield* authenticate(idle, device))._tag, "Valid")
      yield* TestClock.adjust("31 minutes")
      assert.deepStrictEqual(yield* authenticate(idle, device), { _tag: "SessionInvalid", reason: "idle" } as never)
      const busy = yield* loginToken
      for (let i = 0; i < 36; i++) {
        yield* TestClock.adjust("20 minutes")
        const outcome = yield* authenticate(busy, device)
        if (i < 35) assert.strictEqual(outcome._tag, "Valid", `after ${(i + 1) * 20} minutes`)
        else assert.deepStrictEqual(outcome, { _tag: "SessionInvalid", reason: "expired" } as never)
      }
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("follow the timeout settings", () =>
    Effect.gen(function*() {
      yield* createAdmin
      yield* setSetting(new SystemActor({ component: "test" }), { key: SessionAbsoluteTimeoutHours.key, value: 1 })
      const token = yield* loginToken
      yield* TestClock.adjust("59 minutes")
      yield* authenticate(token, device)
      yield* TestClock.adjust("2 minutes")
      assert.deepStrictEqual(yield* authenticate(token, device), { _tag: "SessionInvalid", reason: "expired" } as never)
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("reject a token that was never issued, and the empty token", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* authenticate("made-up", device), { _tag: "SessionInvalid", reason: "unknown" } as never)
      assert.deepStrictEqual(yield* authenticate("", device), { _tag: "SessionInvalid", reason: "unknown" } as never)
      const actor = yield* Effect.flatMap(createAdmin, () => Effect.flatMap(loginToken, actorOf))
      assert.strictEqual(actor._tag, "AccountActor")
      assert.isFalse(Redacted.isRedacted(actor))
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
