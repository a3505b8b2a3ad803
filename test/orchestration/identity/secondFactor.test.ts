import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Redacted, TestClock } from "effect"
import * as MemoryPorts from "../../../src/layers/memory/MemoryPorts.js"
import { authenticate } from "../../../src/orchestration/identity/authenticate.js"
import { changePassword } from "../../../src/orchestration/identity/changePassword.js"
import { disableTotp } from "../../../src/orchestration/identity/disableTotp.js"
import { login } from "../../../src/orchestration/identity/login.js"
import { listSessions } from "../../../src/orchestration/identity/manageSessions.js"
import { reauthenticate } from "../../../src/orchestration/identity/reauthenticate.js"
import { regenerateRecoveryCodes } from "../../../src/orchestration/identity/regenerateRecoveryCodes.js"
import { useRecoveryCode } from "../../../src/orchestration/identity/useRecoveryCode.js"
import { verifyTotp } from "../../../src/orchestration/identity/verifyTotp.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { actorOf, codeAt, device, email, enrolledAdmin, password } from "./support.js"

/** Logs in with the password; returns the challenge token. */
const challenge = login({ email, password, device }).pipe(
  Effect.map((outcome) => {
    if (outcome._tag !== "SecondFactorRequired") throw new Error(outcome._tag)
    return Redacted.value(outcome.challengeToken)
  })
)

/** A full session through password and TOTP, `steps` ahead of the clock. */
const sessionWithTotp = (secret: string, steps: number) =>
  Effect.gen(function*() {
    const outcome = yield* verifyTotp(yield* challenge, yield* codeAt(secret, steps), device)
    if (outcome._tag !== "Authenticated") throw new Error(outcome._tag)
    return Redacted.value(outcome.sessionToken)
  })

describe("TOTP at login", () => {
  it.effect("never accepts the enrolment code again, accepts the next step once, then never again", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      assert.strictEqual((yield* verifyTotp(yield* challenge, yield* codeAt(secret), device))._tag, "SecondFactorRejected")
      const next = yield* codeAt(secret, 1)
      assert.strictEqual((yield* verifyTotp(yield* challenge, next, device))._tag, "Authenticated")
      assert.strictEqual((yield* verifyTotp(yield* challenge, next, device))._tag, "SecondFactorRejected")
      assert.strictEqual((yield* verifyTotp(yield* challenge, yield* codeAt(secret, -1), device))._tag, "SecondFactorRejected", "an older step neither")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("accepts one valid code exactly once when it is sent on ten challenges at the same time", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      const challenges = yield* Effect.replicateEffect(challenge, 10)
      const code = yield* codeAt(secret, 1)
      const outcomes = yield* Effect.all(challenges.map((token) => verifyTotp(token, code, device)), { concurrency: "unbounded" })
      assert.strictEqual(outcomes.filter((o) => o._tag === "Authenticated").length, 1)
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("rejects codes outside ±1 step", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      for (const steps of [-3, -2, 2, 3]) {
        assert.strictEqual((yield* verifyTotp(yield* challenge, yield* codeAt(secret, steps), device))._tag, "SecondFactorRejected", `${steps} steps`)
      }
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect.prop(
    "never accepts a time step twice, whatever the order of codes and clock moves",
    [fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -2, max: 2 })), { minLength: 1, maxLength: 12 })],
    ([moves]) =>
      Effect.gen(function*() {
        const { secret } = yield* enrolledAdmin
        const accepted: Array<number> = []
        for (const [advance, offset] of moves) {
          yield* TestClock.adjust(`${advance * 30} seconds`)
          const outcome = yield* verifyTotp(yield* challenge, yield* codeAt(secret, offset), device)
          const step = Math.floor((yield* TestClock.currentTimeMillis) / 30_000) + offset
          if (outcome._tag === "Authenticated") accepted.push(step)
          assert.include(["Authenticated", "SecondFactorRejected", "AccountLocked"], outcome._tag)
          if (Math.abs(offset) > 1) assert.notStrictEqual(outcome._tag, "Authenticated")
        }
        assert.strictEqual(new Set(accepted).size, accepted.length, `accepted twice: ${accepted}`)
        assert.isTrue(accepted.every((step, i) => i === 0 || step > accepted[i - 1]!), "steps only move forward")
      }).pipe(Effect.provide(MemoryPorts.layer())),
    { fastCheck: { numRuns: 15 } }
  )
})

describe("challenges and the second-factor lock", () => {
  it.effect("expire after five minutes and after five attempts", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      const stale = yield* challenge
      yield* TestClock.adjust("5 minutes")
      assert.strictEqual((yield* verifyTotp(stale, yield* codeAt(secret, 1), device))._tag, "ChallengeExpired")
      const worn = yield* challenge
      const answers = yield* Effect.forEach(Array.from({ length: 6 }), () => verifyTotp(worn, "000000", device))
      assert.strictEqual(answers[5]?._tag, "ChallengeExpired")
      assert.strictEqual((yield* verifyTotp("no-such-challenge", "123456", device))._tag, "ChallengeExpired")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("locks the second factor after five wrong codes across challenges, and tells the account", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      const outcomes = yield* Effect.forEach(Array.from({ length: 5 }), () => Effect.flatMap(challenge, (c) => verifyTotp(c, "000000", device)))
      assert.deepStrictEqual(outcomes.map((o) => o._tag), ["SecondFactorRejected", "SecondFactorRejected", "SecondFactorRejected", "SecondFactorRejected", "AccountLocked"])
      assert.strictEqual((yield* verifyTotp(yield* challenge, yield* codeAt(secret, 1), device))._tag, "AccountLocked")
      const kinds = (yield* (yield* Outbox).list("pending", 200)).flatMap((l) => (l.entry.intent._tag === "NotificationRecord" ? [l.entry.intent.intent.kind] : []))
      assert.include(kinds, "auth.account.locked")
      yield* TestClock.adjust("61 seconds")
      assert.strictEqual((yield* verifyTotp(yield* challenge, yield* codeAt(secret, 1), device))._tag, "Authenticated")
    }).pipe(Effect.provide(MemoryPorts.layer())))
})

describe("recovery codes", () => {
  it.effect("each works once, counts down, and its use is notified", () =>
    Effect.gen(function*() {
      const { recoveryCodes } = yield* enrolledAdmin
      const first = yield* useRecoveryCode(yield* challenge, recoveryCodes[0]!.toLowerCase(), device)
      assert.deepInclude(first, { _tag: "Authenticated", recoveryCodesRemaining: 9 })
      assert.strictEqual((yield* useRecoveryCode(yield* challenge, recoveryCodes[0]!, device))._tag, "SecondFactorRejected")
      const kinds = (yield* (yield* Outbox).list("pending", 200)).flatMap((l) => (l.entry.intent._tag === "NotificationRecord" ? [l.entry.intent.intent.kind] : []))
      assert.include(kinds, "auth.recoveryCode.used")
    }).pipe(Effect.provide(MemoryPorts.layer())))
})

describe("sensitive operations", () => {
  it.effect("need the password proven within ten minutes", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      const actor = yield* actorOf(yield* sessionWithTotp(secret, 1))
      yield* TestClock.adjust("9 minutes")
      assert.strictEqual((yield* regenerateRecoveryCodes(actor))._tag, "RecoveryCodesIssued")
      yield* TestClock.adjust("2 minutes")
      assert.strictEqual((yield* disableTotp(actor))._tag, "ReauthenticationRequired")
      assert.strictEqual((yield* reauthenticate(actor, "wrong password here"))._tag, "InvalidCredentials")
      assert.strictEqual((yield* reauthenticate(actor, password))._tag, "Reauthenticated")
      assert.strictEqual((yield* disableTotp(actor))._tag, "TotpDisabled")
      assert.strictEqual((yield* login({ email, password, device }))._tag, "Authenticated", "no second factor any more")
    }).pipe(Effect.provide(MemoryPorts.layer())))

  it.effect("a password change ends every other session at once and keeps this one", () =>
    Effect.gen(function*() {
      const { secret } = yield* enrolledAdmin
      const other = yield* sessionWithTotp(secret, 1)
      yield* TestClock.adjust("30 seconds")
      const current = yield* sessionWithTotp(secret, 1)
      const actor = yield* actorOf(current)
      assert.strictEqual((yield* changePassword(actor, password, "short"))._tag, "PasswordRejected")
      assert.strictEqual((yield* changePassword(actor, "wrong current password", "a brand new passphrase"))._tag, "InvalidCredentials")
      const changed = yield* changePassword(actor, password, "a brand new passphrase")
      assert.deepInclude(changed, { _tag: "PasswordChanged", otherSessionsEnded: 2 }, "the enrolment's session and the other one")
      assert.deepStrictEqual(yield* authenticate(other, device), { _tag: "SessionInvalid", reason: "revoked" } as never)
      assert.strictEqual((yield* authenticate(current, device))._tag, "Valid")
      const listed = yield* listSessions(actor)
      assert.deepStrictEqual(Array.isArray(listed) ? listed.map((s) => String(s.id)) : listed, [actor._tag === "AccountActor" ? String(actor.sessionId) : ""], "only sessions that still authenticate")
    }).pipe(Effect.provide(MemoryPorts.layer())))
})
