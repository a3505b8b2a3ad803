import * as SqlClient from "@effect/sql/SqlClient"
import { Context, Effect, Layer, Option } from "effect"
import * as AesGcmSecretBox from "../../src/layers/crypto/AesGcmSecretBox.js"
import * as Argon2PasswordHashing from "../../src/layers/crypto/Argon2PasswordHashing.js"
import * as OtpauthTotpCodes from "../../src/layers/crypto/OtpauthTotpCodes.js"
import type { Argon2Parameters, PasswordHashing } from "../../src/layers/crypto/PasswordHashing.js"
import type { SecretBox } from "../../src/layers/crypto/SecretBox.js"
import type { TotpCodes } from "../../src/layers/crypto/TotpCodes.js"
import * as MemoryCredentials from "../../src/layers/memory/MemoryCredentials.js"
import * as MemoryDatabase from "../../src/layers/memory/MemoryDatabase.js"
import * as SqlCredentials from "../../src/layers/sql/SqlCredentials.js"
import type { AccountId } from "../../src/domain/shared/Ids.js"
import type { Credentials } from "../../src/orchestration/identity/Credentials.js"
import { sqlDatabases } from "./TestDatabases.js"

/** Argon2id cheap enough for tests (1 MiB, one pass); never for production. */
export const fastHashing: Argon2Parameters = { memoryCost: 1024, timeCost: 1, parallelism: 1 }

/** A fixed test key (32 bytes). */
export const testKey = Uint8Array.from({ length: 32 }, (_, i) => i)

/** The crypto kit of the credential adapters, fast and deterministic in its keys. */
export const fastCrypto: Layer.Layer<PasswordHashing | SecretBox | TotpCodes> = Layer.mergeAll(
  Argon2PasswordHashing.layer(fastHashing),
  AesGcmSecretBox.layer(AesGcmSecretBox.keyring(testKey)),
  OtpauthTotpCodes.layer
)

/** Reads what the credential adapters store, and builds them again over the same storage (tests only). */
export class CredentialsProbe extends Context.Tag("test/CredentialsProbe")<CredentialsProbe, {
  readonly passwordHash: (account: AccountId) => Effect.Effect<Option.Option<string>>
  /** The subjects of the failure counters, as stored. */
  readonly attemptSubjects: Effect.Effect<ReadonlyArray<string>>
  readonly sealedTotpSecret: (account: AccountId) => Effect.Effect<Option.Option<string>>
  readonly recoveryCodeHashes: (account: AccountId) => Effect.Effect<ReadonlyArray<string>>
  /** Credentials over the same storage and keys, hashing with `params`. */
  readonly withHashing: (params: Argon2Parameters) => Effect.Effect<Context.Tag.Service<Credentials>>
}>() {}

export interface CredentialFamily {
  readonly name: string
  readonly skip: boolean
  /** Fresh credentials over fresh storage on every build, with the fast crypto kit. */
  readonly layer: Layer.Layer<Credentials | CredentialsProbe>
}

const memoryProbe = Layer.effect(
  CredentialsProbe,
  Effect.gen(function*() {
    const context = yield* Effect.context<MemoryDatabase.MemoryDatabase | SecretBox | TotpCodes>()
    const { attempts, passwords, recoveryCodes, totp } = yield* MemoryCredentials.tables
    return CredentialsProbe.of({
      passwordHash: (account) => Effect.map(passwords.get, (all) => Option.fromNullable(all.get(account))),
      attemptSubjects: Effect.map(attempts.get, (all) => [...all.values()].map((row) => row.subject)),
      sealedTotpSecret: (account) => Effect.map(totp.get, (all) => Option.map(Option.fromNullable(all.get(account)), (row) => row.sealedSecret)),
      recoveryCodeHashes: (account) => Effect.map(recoveryCodes.get, (all) => [...(all.get(account)?.keys() ?? [])]),
      withHashing: (params) =>
        MemoryCredentials.make.pipe(Effect.provide(Argon2PasswordHashing.layer(params)), Effect.provide(context))
    })
  })
)

const sqlProbe = Layer.effect(
  CredentialsProbe,
  Effect.gen(function*() {
    const context = yield* Effect.context<SqlClient.SqlClient | SecretBox | TotpCodes>()
    const sql = yield* SqlClient.SqlClient
    const column = (query: Effect.Effect<ReadonlyArray<Record<string, unknown>>, unknown>, name: string) =>
      Effect.map(Effect.orDie(query), (rows) => rows.map((row) => String(row[name])))
    return CredentialsProbe.of({
      passwordHash: (account) =>
        Effect.map(column(sql`SELECT hash FROM baton_passwords WHERE account_id = ${account}`, "hash"), (rows) => Option.fromNullable(rows[0])),
      attemptSubjects: column(sql`SELECT subject FROM baton_login_attempts`, "subject"),
      sealedTotpSecret: (account) =>
        Effect.map(
          column(sql`SELECT sealed_secret FROM baton_totp WHERE account_id = ${account}`, "sealed_secret"),
          (rows) => Option.fromNullable(rows[0])
        ),
      recoveryCodeHashes: (account) => column(sql`SELECT code_hash FROM baton_recovery_codes WHERE account_id = ${account}`, "code_hash"),
      withHashing: (params) =>
        SqlCredentials.make.pipe(Effect.provide(Argon2PasswordHashing.layer(params)), Effect.provide(context))
    })
  })
)

const memory: CredentialFamily = {
  name: "memory",
  skip: false,
  layer: Layer.mergeAll(MemoryCredentials.layer, memoryProbe).pipe(Layer.provide(Layer.merge(MemoryDatabase.layer, fastCrypto)))
}

/** Memory, SQLite and (when reachable) PostgreSQL credentials. */
export const credentialFamilies: ReadonlyArray<CredentialFamily> = [
  memory,
  ...sqlDatabases.map((database): CredentialFamily => ({
    name: database.name,
    skip: database.skip,
    layer: Layer.mergeAll(SqlCredentials.layer, sqlProbe).pipe(Layer.provide(Layer.merge(database.layer, fastCrypto)))
  }))
]
