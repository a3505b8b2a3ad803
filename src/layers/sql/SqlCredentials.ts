import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { Clock, DateTime, Effect, Layer, Option, Schema } from "effect"
import { AttemptState, type Factor, lockFor, noAttempts } from "../../domain/identity/Lockout.js"
import { normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "../../domain/identity/SecondFactor.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Credentials, type TotpState } from "../../orchestration/identity/Credentials.js"
import { isCommon } from "../crypto/CommonPasswords.js"
import { PasswordHashing } from "../crypto/PasswordHashing.js"
import { SecretBox } from "../crypto/SecretBox.js"
import { digest, recoveryCode } from "../crypto/Tokens.js"
import { TotpCodes } from "../crypto/TotpCodes.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

const AttemptRow = Schema.Struct({ failures: SqlNumber, locked_until: SqlNullableNumber })
const TotpRow = Schema.Struct({ sealed_secret: Schema.String, status: Schema.Literal("pending", "enabled"), last_step: SqlNullableNumber })
const Count = Schema.Struct({ remaining: SqlNumber })
const Subject = Schema.Struct({ subject: Schema.String, factor: Schema.String })

const toState = (row: typeof AttemptRow.Type) =>
  new AttemptState({ failures: row.failures, lockedUntil: Option.map(Option.fromNullable(row.locked_until), DateTime.unsafeMake) })

const enabledAlready = new ContractViolation({ message: "Credentials.startTotp: TOTP is already enabled for the account (remove it first)" })

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const hashing = yield* PasswordHashing
  const box = yield* SecretBox
  const codes = yield* TotpCodes

  const findHash = SqlSchema.findOne({
    Request: Schema.String,
    Result: Schema.Struct({ hash: Schema.String }),
    execute: (account) => sql`SELECT hash FROM baton_passwords WHERE account_id = ${account}`
  })
  const findAttempts = SqlSchema.findOne({
    Request: Subject,
    Result: AttemptRow,
    execute: ({ factor, subject }) => sql`SELECT failures, locked_until FROM baton_login_attempts WHERE subject = ${subject} AND factor = ${factor}`
  })
  const countFailure = SqlSchema.single({
    Request: Subject,
    Result: AttemptRow,
    execute: ({ factor, subject }) =>
      sql`INSERT INTO baton_login_attempts (subject, factor, failures, locked_until) VALUES (${subject}, ${factor}, 1, NULL)
          ON CONFLICT (subject, factor) DO UPDATE SET failures = baton_login_attempts.failures + 1
          RETURNING failures, locked_until`
  })
  const findTotp = SqlSchema.findOne({
    Request: Schema.String,
    Result: TotpRow,
    execute: (account) => sql`SELECT sealed_secret, status, last_step FROM baton_totp WHERE account_id = ${account}`
  })
  const countUnused = SqlSchema.single({
    Request: Schema.String,
    Result: Count,
    execute: (account) =>
      sql`SELECT COUNT(*) AS remaining FROM baton_recovery_codes WHERE account_id = ${account} AND used_at IS NULL`
  })
  const subjectOf = (subject: string, factor: Factor) => ({ subject: digest(subject), factor })

  const rememberedTotp = yield* CommittedReads.remember<Option.Option<TotpState>>()

  return Credentials.of({
    verifyPassword: (account, password) =>
      Effect.gen(function*() {
        const stored = Option.isSome(account) ? yield* findHash(account.value) : Option.none()
        if (Option.isNone(account) || Option.isNone(stored)) return yield* hashing.verifyNothing(password)
        const phc = stored.value.hash
        const { needsRehash, valid } = yield* hashing.verify(phc, password)
        if (valid && needsRehash) {
          const rehashed = yield* hashing.hash(password)
          const now = yield* Clock.currentTimeMillis
          yield* sql`UPDATE baton_passwords SET hash = ${rehashed}, updated_at = ${now}
                     WHERE account_id = ${account.value} AND hash = ${phc}`
        }
        return valid
      }).pipe(mapErrors("Credentials.verifyPassword")),
    setPassword: (account, password) =>
      Effect.gen(function*() {
        const phc = yield* hashing.hash(password)
        const now = yield* Clock.currentTimeMillis
        yield* sql`INSERT INTO baton_passwords (account_id, hash, updated_at) VALUES (${account}, ${phc}, ${now})
                   ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`
      }).pipe(mapErrors("Credentials.setPassword")),
    isCommonPassword: isCommon,
    attempts: (subject, factor) =>
      findAttempts(subjectOf(subject, factor)).pipe(
        Effect.map(Option.match({ onNone: () => noAttempts, onSome: toState })),
        mapErrors("Credentials.attempts")
      ),
    // The increment and the lock it earns commit together: a concurrent failure waits on the row.
    recordFailure: (subject, factor, now) =>
      Effect.gen(function*() {
        const key = subjectOf(subject, factor)
        const counted = yield* countFailure(key)
        const lock = lockFor(counted.failures)
        if (Option.isNone(lock)) return toState(counted)
        const lockedUntil = DateTime.toEpochMillis(DateTime.addDuration(now, lock.value))
        yield* sql`UPDATE baton_login_attempts SET locked_until = ${lockedUntil} WHERE subject = ${key.subject} AND factor = ${key.factor}`
        return toState({ failures: counted.failures, locked_until: lockedUntil })
      }).pipe(sql.withTransaction, mapErrors("Credentials.recordFailure")),
    resetFailures: (subject, factor) => {
      const key = subjectOf(subject, factor)
      return sql`DELETE FROM baton_login_attempts WHERE subject = ${key.subject} AND factor = ${key.factor}`.pipe(
        Effect.asVoid,
        mapErrors("Credentials.resetFailures")
      )
    },
    totp: (account) =>
      rememberedTotp(account, () =>
        findTotp(account).pipe(
          Effect.map(Option.map((row) => ({ status: row.status, lastAcceptedStep: Option.fromNullable(row.last_step) }))),
          mapErrors("Credentials.totp")
        )
      ),
    startTotp: (account, label, issuer) =>
      Effect.gen(function*() {
        const secret = yield* codes.generateSecret
        const sealed = yield* box.seal(secret, account)
        const now = yield* Clock.currentTimeMillis
        const stored = yield* sql`INSERT INTO baton_totp (account_id, sealed_secret, status, last_step, created_at)
          VALUES (${account}, ${sealed}, 'pending', NULL, ${now})
          ON CONFLICT (account_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, last_step = NULL, created_at = excluded.created_at
          WHERE baton_totp.status = 'pending'
          RETURNING account_id`
        if (stored.length === 0) return yield* Effect.die(enabledAlready)
        const uri = codes.uri(secret, label, issuer)
        return { secret, uri, qrSvg: yield* codes.qrSvg(uri) }
      }).pipe(mapErrors("Credentials.startTotp")),
    matchTotp: (account, code, now) =>
      Effect.gen(function*() {
        const row = yield* findTotp(account)
        if (Option.isNone(row)) return Option.none()
        const secret = yield* box.open(row.value.sealed_secret, account)
        return codes.matchStep(secret, code, DateTime.toEpochMillis(now))
      }).pipe(mapErrors("Credentials.matchTotp")),
    acceptTotpStep: (account, expected, step) =>
      sql`UPDATE baton_totp SET last_step = ${step}
          WHERE account_id = ${account} AND ${
        Option.match(expected, { onNone: () => sql`last_step IS NULL`, onSome: (last) => sql`last_step = ${last}` })
      }
          RETURNING account_id`.pipe(Effect.map((rows) => rows.length > 0), mapErrors("Credentials.acceptTotpStep")),
    enableTotp: (account) =>
      sql`UPDATE baton_totp SET status = 'enabled' WHERE account_id = ${account}`.pipe(Effect.asVoid, mapErrors("Credentials.enableTotp")),
    removeTotp: (account) =>
      Effect.zipRight(
        sql`DELETE FROM baton_recovery_codes WHERE account_id = ${account}`,
        sql`DELETE FROM baton_totp WHERE account_id = ${account}`
      ).pipe(Effect.asVoid, sql.withTransaction, mapErrors("Credentials.removeTotp")),
    issueRecoveryCodes: (account) =>
      Effect.gen(function*() {
        const issued = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)
        const rows = issued.map((code) => ({ account_id: account, code_hash: digest(normaliseRecoveryCode(code)), used_at: null }))
        yield* sql`DELETE FROM baton_recovery_codes WHERE account_id = ${account}`
        yield* sql`INSERT INTO baton_recovery_codes ${sql.insert(rows)}`
        return issued
      }).pipe(sql.withTransaction, mapErrors("Credentials.issueRecoveryCodes")),
    useRecoveryCode: (account, code) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const used = yield* sql`UPDATE baton_recovery_codes SET used_at = ${now}
          WHERE account_id = ${account} AND code_hash = ${digest(normaliseRecoveryCode(code))} AND used_at IS NULL
          RETURNING code_hash`
        if (used.length === 0) return Option.none()
        return Option.some((yield* countUnused(account)).remaining)
      }).pipe(mapErrors("Credentials.useRecoveryCode"))
  })
})

/** The credentials in `baton_passwords`, `baton_login_attempts`, `baton_totp` and `baton_recovery_codes`. */
export const layer: Layer.Layer<Credentials, never, SqlClient.SqlClient | PasswordHashing | SecretBox | TotpCodes> = Layer.effect(
  Credentials,
  make
)
