import { assert, describe, it } from "@effect/vitest"
// node:assert semantics: chai's deep equality takes Option.some(x) for Option.none()
import { deepStrictEqual } from "@effect/vitest/utils"
import { Cause, DateTime, Duration, Effect, Exit, FastCheck as fc, Option } from "effect"
import { Secret, TOTP } from "otpauth"
import { type AttemptState, noAttempts } from "../../src/domain/identity/Lockout.js"
import { acceptStep, normaliseRecoveryCode, stepAt } from "../../src/domain/identity/SecondFactor.js"
import { ContractViolation } from "../../src/domain/shared/Defects.js"
import { AccountId } from "../../src/domain/shared/Ids.js"
import { digest } from "../../src/layers/crypto/Tokens.js"
import { Credentials } from "../../src/orchestration/identity/Credentials.js"
import { credentialFamilies, CredentialsProbe, fastHashing } from "../support/CryptoLayers.js"

const alice = AccountId.make("account-alice")
const bob = AccountId.make("account-bob")
const T0 = 1_800_000_000_000
const now = DateTime.unsafeMake(T0)

/** The code an authenticator app shows for `secret` at `epochMillis`. */
const codeAt = (secret: string, epochMillis: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: epochMillis })

const lockEnd = (state: AttemptState) => Option.map(state.lockedUntil, DateTime.toEpochMillis)

/** The single-use rule of the second factor: match, accept a later step only, advance with compare-and-set. */
const checkCode = (account: AccountId, code: string, epochMillis: number) =>
  Effect.gen(function*() {
    const credentials = yield* Credentials
    const state = yield* credentials.totp(account)
    const last = Option.flatMap(state, (s) => s.lastAcceptedStep)
    const step = acceptStep(yield* credentials.matchTotp(account, code, DateTime.unsafeMake(epochMillis)), last)
    if (Option.isNone(step)) return Option.none()
    yield* Effect.yieldNow() // let parallel requests interleave here, in memory and on SQLite too
    return (yield* credentials.acceptTotpStep(account, last, step.value)) ? step : Option.none()
  })

const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/

for (const family of credentialFamilies) {
  describe.skipIf(family.skip)(`Credentials contract: ${family.name}`, () => {
    it.live("sets and verifies passwords; unknown accounts and accounts without one answer false", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        yield* credentials.setPassword(alice, "correct horse battery staple")
        assert.isTrue(yield* credentials.verifyPassword(Option.some(alice), "correct horse battery staple"))
        assert.isFalse(yield* credentials.verifyPassword(Option.some(alice), "correct horse battery stapler"))
        assert.isFalse(yield* credentials.verifyPassword(Option.some(bob), "correct horse battery staple"))
        assert.isFalse(yield* credentials.verifyPassword(Option.none(), "correct horse battery staple"))
        const stored = Option.getOrThrow(yield* (yield* CredentialsProbe).passwordHash(alice))
        assert.match(stored, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/)
        yield* credentials.setPassword(alice, "a new passphrase")
        assert.isFalse(yield* credentials.verifyPassword(Option.some(alice), "correct horse battery staple"))
        assert.isTrue(yield* credentials.verifyPassword(Option.some(alice), "a new passphrase"))
        assert.isTrue(credentials.isCommonPassword("password1"))
        assert.isFalse(credentials.isCommonPassword("a new passphrase"))
      }).pipe(Effect.provide(family.layer)))

    it.live("rehashes a correct password stored with other parameters on verification, and only a correct one", () =>
      Effect.gen(function*() {
        const probe = yield* CredentialsProbe
        yield* (yield* Credentials).setPassword(alice, "secret passphrase")
        const before = Option.getOrThrow(yield* probe.passwordHash(alice))
        const stronger = yield* probe.withHashing({ ...fastHashing, timeCost: 2 })
        assert.isFalse(yield* stronger.verifyPassword(Option.some(alice), "wrong passphrase"))
        deepStrictEqual(yield* probe.passwordHash(alice), Option.some(before))
        assert.isTrue(yield* stronger.verifyPassword(Option.some(alice), "secret passphrase"))
        const after = Option.getOrThrow(yield* probe.passwordHash(alice))
        assert.match(after, /^\$argon2id\$v=19\$m=1024,t=2,p=1\$/)
        assert.isTrue(yield* stronger.verifyPassword(Option.some(alice), "secret passphrase"))
        deepStrictEqual(yield* probe.passwordHash(alice), Option.some(after), "no rehash when up to date")
      }).pipe(Effect.provide(family.layer)))

    it.live("counts parallel failures atomically, locks at every fifth (1 min, then 2 min) and keeps factors apart", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        const subject = "ada@example.com"
        const states = yield* Effect.all(Array.from({ length: 10 }, () => credentials.recordFailure(subject, "password", now)), {
          concurrency: "unbounded"
        })
        const byCount = [...states].sort((a, b) => a.failures - b.failures)
        deepStrictEqual(byCount.map((s) => s.failures), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        const oneMinute = Option.some(T0 + 60_000)
        deepStrictEqual(byCount.map(lockEnd), [
          ...Array.from({ length: 4 }, () => Option.none()),
          ...Array.from({ length: 5 }, () => oneMinute),
          Option.some(T0 + Duration.toMillis(Duration.minutes(2)))
        ])
        const stored = yield* credentials.attempts(subject, "password")
        deepStrictEqual([stored.failures, lockEnd(stored)], [10, Option.some(T0 + 120_000)])
        deepStrictEqual(yield* credentials.attempts(subject, "secondFactor"), noAttempts)
        deepStrictEqual(yield* credentials.attempts("grace@example.com", "password"), noAttempts)
        deepStrictEqual(yield* (yield* CredentialsProbe).attemptSubjects, [digest(subject)], "subjects are stored as SHA-256")
      }).pipe(Effect.provide(family.layer)))

    it.live("resets the failures and the lock of one subject and factor", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        for (let i = 0; i < 5; i++) yield* credentials.recordFailure("ada@example.com", "password", now)
        yield* credentials.recordFailure(alice, "secondFactor", now)
        yield* credentials.resetFailures("ada@example.com", "password")
        deepStrictEqual(yield* credentials.attempts("ada@example.com", "password"), noAttempts)
        assert.strictEqual((yield* credentials.attempts(alice, "secondFactor")).failures, 1)
        assert.strictEqual((yield* credentials.recordFailure("ada@example.com", "password", now)).failures, 1)
      }).pipe(Effect.provide(family.layer)))

    it.live("starts a pending TOTP enrolment with a sealed secret and matches codes within ±1 step", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        assert.isTrue(Option.isNone(yield* credentials.totp(alice)))
        assert.isTrue(Option.isNone(yield* credentials.matchTotp(alice, "123456", now)))
        const enrolment = yield* credentials.startTotp(alice, "ada@example.com", "Baton")
        assert.match(enrolment.secret, /^[A-Z2-7]{32}$/)
        assert.include(enrolment.uri, `secret=${enrolment.secret}`)
        assert.isTrue(enrolment.qrSvg.startsWith("<svg"))
        deepStrictEqual(yield* credentials.totp(alice), Option.some({ status: "pending" as const, lastAcceptedStep: Option.none() }))
        const sealed = Option.getOrThrow(yield* (yield* CredentialsProbe).sealedTotpSecret(alice))
        assert.match(sealed, /^v1\./)
        assert.notInclude(sealed, enrolment.secret)
        const step = stepAt(T0)
        for (const offset of [-1, 0, 1]) {
          deepStrictEqual(yield* credentials.matchTotp(alice, codeAt(enrolment.secret, T0 + offset * 30_000), now), Option.some(step + offset))
        }
        assert.isTrue(Option.isNone(yield* credentials.matchTotp(alice, "12345", now)))
        const again = yield* credentials.startTotp(alice, "ada@example.com", "Baton")
        assert.notStrictEqual(again.secret, enrolment.secret)
        deepStrictEqual(yield* credentials.matchTotp(alice, codeAt(again.secret, T0), now), Option.some(step))
      }).pipe(Effect.provide(family.layer)))

    it.live("advances the accepted step by compare-and-set: one winner among parallel requests", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        assert.isFalse(yield* credentials.acceptTotpStep(alice, Option.none(), 1), "no enrolment")
        yield* credentials.startTotp(alice, "ada@example.com", "Baton")
        const step = stepAt(T0)
        const twice = yield* Effect.all([0, 1].map(() => credentials.acceptTotpStep(alice, Option.none(), step)), { concurrency: 2 })
        deepStrictEqual(twice.filter(Boolean).length, 1)
        const twenty = yield* Effect.all(Array.from({ length: 20 }, () => credentials.acceptTotpStep(alice, Option.some(step), step + 1)), {
          concurrency: "unbounded"
        })
        assert.strictEqual(twenty.filter(Boolean).length, 1)
        assert.isFalse(yield* credentials.acceptTotpStep(alice, Option.some(step), step + 2), "stale expectation")
        assert.isFalse(yield* credentials.acceptTotpStep(alice, Option.none(), step + 2), "stale expectation")
        deepStrictEqual(Option.flatMap(yield* credentials.totp(alice), (t) => t.lastAcceptedStep), Option.some(step + 1))
      }).pipe(Effect.provide(family.layer)))

    it.live("enables TOTP, keeps the accepted step, and refuses to restart an enabled enrolment", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        const { secret } = yield* credentials.startTotp(alice, "ada@example.com", "Baton")
        deepStrictEqual(yield* checkCode(alice, codeAt(secret, T0), T0), Option.some(stepAt(T0)))
        yield* credentials.enableTotp(alice)
        deepStrictEqual(yield* credentials.totp(alice), Option.some({ status: "enabled" as const, lastAcceptedStep: Option.some(stepAt(T0)) }))
        assert.isTrue(Option.isNone(yield* checkCode(alice, codeAt(secret, T0), T0 + 20_000)), "the enrolment code is not replayed")
        const exit = yield* Effect.exit(credentials.startTotp(alice, "ada@example.com", "Baton"))
        const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
        assert.isTrue(Option.exists(defect, (d) => d instanceof ContractViolation))
        deepStrictEqual(yield* credentials.matchTotp(alice, codeAt(secret, T0), now), Option.some(stepAt(T0)), "secret kept")
      }).pipe(Effect.provide(family.layer)))

    it.live.prop(
      "never accepts a code twice when following acceptStep and compare-and-set, even in parallel",
      [fc.array(
        fc.record({ elapsed: fc.integer({ min: -40, max: 75 }), drift: fc.integer({ min: -2, max: 2 }), copies: fc.integer({ min: 1, max: 3 }) }),
        { minLength: 1, maxLength: 10 }
      )],
      ([attempts]) =>
        Effect.gen(function*() {
          const credentials = yield* Credentials
          const { secret } = yield* credentials.startTotp(alice, "ada@example.com", "Baton")
          let at = T0
          let last = Option.none<number>()
          const accepted: Array<number> = []
          for (const { copies, drift, elapsed } of attempts) {
            at += elapsed * 1000
            const code = codeAt(secret, at + drift * 30_000)
            const matched = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), timestamp: at, window: 1 })
            const expected = acceptStep(Option.map(Option.fromNullable(matched), (delta) => stepAt(at) + delta), last)
            const results = yield* Effect.all(Array.from({ length: copies }, () => checkCode(alice, code, at)), { concurrency: "unbounded" })
            deepStrictEqual(results.filter(Option.isSome), Option.isSome(expected) ? [expected] : [])
            if (Option.isSome(expected)) accepted.push(expected.value)
            last = Option.orElse(expected, () => last)
          }
          assert.isTrue(accepted.every((step, i) => i === 0 || step > accepted[i - 1]!), "accepted steps strictly increase")
          deepStrictEqual(Option.flatMap(yield* credentials.totp(alice), (t) => t.lastAcceptedStep), last)
        }).pipe(Effect.provide(family.layer)),
      { fastCheck: { numRuns: family.name === "memory" ? 100 : 12 } }
    )

    it.live("issues ten recovery codes, stored as hashes, each usable once; a new issue replaces them", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        const codes = yield* credentials.issueRecoveryCodes(alice)
        assert.strictEqual(codes.length, 10)
        for (const code of codes) assert.match(code, RECOVERY_CODE)
        assert.strictEqual(new Set(codes).size, 10)
        const hashes = yield* (yield* CredentialsProbe).recoveryCodeHashes(alice)
        deepStrictEqual([...hashes].sort(), codes.map((code) => digest(normaliseRecoveryCode(code))).sort())
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, codes[0]!), Option.some(9))
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, codes[0]!), Option.none())
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, ` ${codes[1]!.replace(/-/g, "").toLowerCase()} `), Option.some(8))
        deepStrictEqual(yield* credentials.useRecoveryCode(bob, codes[2]!), Option.none())
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, "not-a-code"), Option.none())
        const fresh = yield* credentials.issueRecoveryCodes(alice)
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, codes[2]!), Option.none())
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, fresh[0]!), Option.some(9))
      }).pipe(Effect.provide(family.layer)))

    it.live("consumes a recovery code once when ten requests use it in parallel", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        const [code] = yield* credentials.issueRecoveryCodes(alice)
        const uses = yield* Effect.all(Array.from({ length: 10 }, () => credentials.useRecoveryCode(alice, code!)), { concurrency: "unbounded" })
        deepStrictEqual(uses.filter(Option.isSome), [Option.some(9)])
      }).pipe(Effect.provide(family.layer)))

    it.live("removes TOTP with its recovery codes, and nothing of another account", () =>
      Effect.gen(function*() {
        const credentials = yield* Credentials
        const { secret } = yield* credentials.startTotp(alice, "ada@example.com", "Baton")
        yield* credentials.enableTotp(alice)
        const codes = yield* credentials.issueRecoveryCodes(alice)
        yield* credentials.startTotp(bob, "bob@example.com", "Baton")
        const bobs = yield* credentials.issueRecoveryCodes(bob)
        yield* credentials.removeTotp(alice)
        assert.isTrue(Option.isNone(yield* credentials.totp(alice)))
        assert.isTrue(Option.isNone(yield* credentials.matchTotp(alice, codeAt(secret, T0), now)))
        deepStrictEqual(yield* credentials.useRecoveryCode(alice, codes[0]!), Option.none())
        deepStrictEqual(yield* (yield* CredentialsProbe).recoveryCodeHashes(alice), [])
        assert.isTrue(Option.isSome(yield* credentials.totp(bob)))
        deepStrictEqual(yield* credentials.useRecoveryCode(bob, bobs[0]!), Option.some(9))
      }).pipe(Effect.provide(family.layer)))
  })
}
