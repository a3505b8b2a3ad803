import { Clock, DateTime, Effect, Layer, Option } from "effect"
import { AttemptState, type Factor, lockFor, noAttempts } from "../../domain/identity/Lockout.js"
import { normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "../../domain/identity/SecondFactor.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { Credentials } from "../../orchestration/identity/Credentials.js"
import { isCommon } from "../crypto/CommonPasswords.js"
import { PasswordHashing } from "../crypto/PasswordHashing.js"
import { SecretBox } from "../crypto/SecretBox.js"
import { digest, recoveryCode } from "../crypto/Tokens.js"
import { TotpCodes } from "../crypto/TotpCodes.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface Attempts {
  readonly subject: string
  readonly factor: Factor
  readonly failures: number
  readonly lockedUntil: number | null
}

interface Totp {
  readonly sealedSecret: string
  readonly status: "pending" | "enabled"
  readonly lastStep: number | null
}

/** The tables behind the memory credentials, as SQL stores them: subjects and codes as digests, the secret sealed. */
export const tables = Effect.map(MemoryDatabase, (database) => ({
  passwords: database.table<ReadonlyMap<AccountId, string>>("credentials.passwords", new Map()),
  attempts: database.table<ReadonlyMap<string, Attempts>>("credentials.attempts", new Map()),
  totp: database.table<ReadonlyMap<AccountId, Totp>>("credentials.totp", new Map()),
  recoveryCodes: database.table<ReadonlyMap<AccountId, ReadonlyMap<string, number | null>>>("credentials.recoveryCodes", new Map())
}))

const attemptKey = (subject: string, factor: Factor) => `${factor}:${digest(subject)}`

const toState = (row: Attempts | undefined) =>
  row === undefined
    ? noAttempts
    : new AttemptState({ failures: row.failures, lockedUntil: Option.map(Option.fromNullable(row.lockedUntil), DateTime.unsafeMake) })

const enabledAlready = new ContractViolation({ message: "Credentials.startTotp: TOTP is already enabled for the account (remove it first)" })

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): ReadonlyMap<K, V> => {
  const next = new Map(map)
  if (value === undefined) next.delete(key)
  else next.set(key, value)
  return next
}

export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const { attempts, passwords, recoveryCodes, totp } = yield* tables
  const hashing = yield* PasswordHashing
  const box = yield* SecretBox
  const codes = yield* TotpCodes

  return Credentials.of({
    verifyPassword: (account, password) =>
      Effect.gen(function*() {
        const all = yield* passwords.get
        const stored = Option.flatMap(account, (id) => Option.map(Option.fromNullable(all.get(id)), (phc) => [id, phc] as const))
        if (Option.isNone(stored)) return yield* hashing.verifyNothing(password)
        const [id, phc] = stored.value
        const { needsRehash, valid } = yield* hashing.verify(phc, password)
        if (valid && needsRehash) {
          const rehashed = yield* hashing.hash(password)
          yield* passwords.update((now) => (now.get(id) === phc ? withEntry(now, id, rehashed) : now))
        }
        return valid
      }),
    setPassword: (account, password) =>
      Effect.flatMap(hashing.hash(password), (phc) => passwords.update((all) => withEntry(all, account, phc))),
    isCommonPassword: isCommon,
    attempts: (subject, factor) => Effect.map(attempts.get, (all) => toState(all.get(attemptKey(subject, factor)))),
    recordFailure: (subject, factor, now) =>
      attempts.modify((all) => {
        const key = attemptKey(subject, factor)
        const failures = (all.get(key)?.failures ?? 0) + 1
        const lockedUntil = Option.match(lockFor(failures), {
          onNone: () => all.get(key)?.lockedUntil ?? null,
          onSome: (lock) => DateTime.toEpochMillis(DateTime.addDuration(now, lock))
        })
        const row = { subject: digest(subject), factor, failures, lockedUntil }
        return [toState(row), withEntry(all, key, row)] as const
      }),
    resetFailures: (subject, factor) => attempts.update((all) => withEntry(all, attemptKey(subject, factor), undefined)),
    totp: (account) =>
      Effect.map(totp.get, (all) =>
        Option.map(Option.fromNullable(all.get(account)), (row) => ({
          status: row.status,
          lastAcceptedStep: Option.fromNullable(row.lastStep)
        }))),
    startTotp: (account, label, issuer) =>
      Effect.gen(function*() {
        const secret = yield* codes.generateSecret
        const sealedSecret = yield* box.seal(secret, account)
        const replaced = yield* totp.modify((all) =>
          all.get(account)?.status === "enabled"
            ? [false, all] as const
            : [true, withEntry(all, account, { sealedSecret, status: "pending", lastStep: null })] as const
        )
        if (!replaced) return yield* Effect.die(enabledAlready)
        const uri = codes.uri(secret, label, issuer)
        return { secret, uri, qrSvg: yield* codes.qrSvg(uri) }
      }),
    matchTotp: (account, code, now) =>
      Effect.gen(function*() {
        const row = (yield* totp.get).get(account)
        if (row === undefined) return Option.none()
        const secret = yield* box.open(row.sealedSecret, account)
        return codes.matchStep(secret, code, DateTime.toEpochMillis(now))
      }),
    acceptTotpStep: (account, expected, step) =>
      totp.modify((all) => {
        const row = all.get(account)
        if (row === undefined || row.lastStep !== Option.getOrNull(expected)) return [false, all] as const
        return [true, withEntry(all, account, { ...row, lastStep: step })] as const
      }),
    enableTotp: (account) =>
      totp.update((all) => {
        const row = all.get(account)
        return row === undefined ? all : withEntry(all, account, { ...row, status: "enabled" })
      }),
    removeTotp: (account) =>
      database.withTransaction(
        Effect.zipRight(
          totp.update((all) => withEntry(all, account, undefined)),
          recoveryCodes.update((all) => withEntry(all, account, undefined))
        )
      ),
    issueRecoveryCodes: (account) =>
      Effect.gen(function*() {
        const issued = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)
        const hashes = new Map(issued.map((code) => [digest(normaliseRecoveryCode(code)), null]))
        yield* recoveryCodes.update((all) => withEntry(all, account, hashes))
        return issued
      }),
    useRecoveryCode: (account, code) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        recoveryCodes.modify((all) => {
          const hash = digest(normaliseRecoveryCode(code))
          const mine = all.get(account)
          if (mine === undefined || mine.get(hash) !== null) return [Option.none(), all] as const
          const next = new Map(mine).set(hash, now)
          const remaining = [...next.values()].filter((usedAt) => usedAt === null).length
          return [Option.some(remaining), withEntry(all, account, next)] as const
        }))
  })
})

export const layer: Layer.Layer<Credentials, never, MemoryDatabase | PasswordHashing | SecretBox | TotpCodes> = Layer.effect(
  Credentials,
  make
)
