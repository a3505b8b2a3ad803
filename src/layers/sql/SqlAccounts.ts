import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Account } from "../../domain/identity/Account.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Row = Schema.Struct({
  id: Account.fields.id,
  email: Account.fields.email,
  display_name: Account.fields.displayName,
  status: Account.fields.status,
  auth_epoch: Schema.compose(SqlNumber, Schema.NonNegativeInt),
  created_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
})

/** Accounts are built from rows `Row` has just decoded (the same field schemas): no second validation. */
const decoded = { disableValidation: true } as const

const toAccount = (row: typeof Row.Type) =>
  new Account({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    authEpoch: row.auth_epoch,
    createdAt: row.created_at
  }, decoded)

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const columns = sql.literal("id, email, display_name, status, auth_epoch, created_at")

  const findById = SqlSchema.findOne({
    Request: Schema.String,
    Result: Row,
    execute: (id) => sql`SELECT ${columns} FROM baton_accounts WHERE id = ${id}`
  })

  const findByEmail = SqlSchema.findOne({
    Request: Schema.String,
    Result: Row,
    execute: (email) => sql`SELECT ${columns} FROM baton_accounts WHERE email = ${email}`
  })

  const bump = SqlSchema.findOne({
    Request: Schema.String,
    Result: Schema.Struct({ auth_epoch: SqlNumber }),
    execute: (id) => sql`UPDATE baton_accounts SET auth_epoch = auth_epoch + 1 WHERE id = ${id} RETURNING auth_epoch`
  })

  const count = SqlSchema.single({
    Request: Schema.Void,
    Result: Schema.Struct({ n: SqlNumber }),
    execute: () => sql`SELECT COUNT(*) AS n FROM baton_accounts`
  })

  const remembered = yield* CommittedReads.remember<Option.Option<Account>>({ keep: Option.isSome })

  return Accounts.of({
    findById: (id) => remembered(id, () => findById(id).pipe(Effect.map(Option.map(toAccount)), mapErrors("Accounts.findById"))),
    findByEmail: (email) => findByEmail(email).pipe(Effect.map(Option.map(toAccount)), mapErrors("Accounts.findByEmail")),
    create: (account) =>
      sql`INSERT INTO baton_accounts ${
        sql.insert({
          id: account.id,
          email: account.email,
          display_name: account.displayName,
          status: account.status,
          auth_epoch: account.authEpoch,
          created_at: DateTime.toEpochMillis(account.createdAt)
        })
      } ON CONFLICT (email) DO NOTHING RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Accounts.create")
      ),
    bumpEpoch: (id) =>
      bump(id).pipe(
        mapErrors("Accounts.bumpEpoch"),
        Effect.flatMap(Option.match({
          onNone: () => Effect.die(new ContractViolation({ message: `Accounts.bumpEpoch: no account ${id}` })),
          onSome: (row) => Effect.succeed(row.auth_epoch)
        }))
      ),
    setStatus: (id, status) =>
      sql`UPDATE baton_accounts SET status = ${status} WHERE id = ${id}`.pipe(Effect.asVoid, mapErrors("Accounts.setStatus")),
    count: count(undefined).pipe(Effect.map((row) => row.n), mapErrors("Accounts.count"))
  })
})

export const layer: Layer.Layer<Accounts, never, SqlClient.SqlClient> = Layer.effect(Accounts, make)
