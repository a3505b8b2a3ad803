import * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import { Array as Arr, Effect, Layer, Schema } from "effect"
import { PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { Account } from "../../domain/identity/Account.js"
import { Admin } from "../../domain/identity/AdminOutcomes.js"
import { AccountId } from "../../domain/shared/Ids.js"
import { Admins } from "../../orchestration/identity/Admins.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

const AdminRow = Schema.Struct({
  id: Account.fields.id,
  email: Account.fields.email,
  display_name: Account.fields.displayName,
  status: Account.fields.status,
  created_at: Millis,
  totp_status: Schema.NullOr(Schema.String),
  last_login_at: Schema.OptionFromNullOr(Millis)
})
const RoleRow = Schema.Struct({ account_id: AccountId, role: PlatformRoleName })
const IdRow = Schema.Struct({ account_id: AccountId })

const toAdmin = (roles: ReadonlyArray<typeof RoleRow.Type>) => (row: typeof AdminRow.Type) =>
  new Admin({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    roles: roles.filter((r) => r.account_id === row.id).map((r) => r.role),
    totpEnabled: row.totp_status === "enabled",
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at
  })

/**
 * The admin directory over the accounts, platform grants (`tenant_id` ''), TOTP and sessions
 * tables; the platform-admin lock is the row of `baton_platform_admin_lock`, updated first in the
 * unit of work (a row lock on PostgreSQL, the database write lock on SQLite).
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const platformRoles = sql.in(PlatformRoleName.literals)

  const admins = (only: Statement.Fragment) =>
    Effect.gen(function*() {
      const rows = yield* sql`SELECT a.id, a.email, a.display_name, a.status, a.created_at,
          (SELECT t.status FROM baton_totp t WHERE t.account_id = a.id) AS totp_status,
          (SELECT MAX(s.created_at) FROM baton_sessions s WHERE s.account_id = a.id) AS last_login_at
        FROM baton_accounts a
        WHERE a.id IN (SELECT g.account_id FROM baton_role_grants g WHERE g.tenant_id = '' AND g.role IN ${platformRoles}) AND ${only}
        ORDER BY a.email`.pipe(Effect.flatMap(Schema.decodeUnknown(Schema.Array(AdminRow))))
      if (rows.length === 0) return []
      const roles = yield* sql`SELECT account_id, role FROM baton_role_grants
        WHERE tenant_id = '' AND role IN ${platformRoles} AND account_id IN ${sql.in(rows.map((r) => r.id))} ORDER BY role`.pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(RoleRow)))
      )
      return rows.map(toAdmin(roles))
    })

  const lock = Effect.gen(function*() {
    yield* sql`UPDATE baton_platform_admin_lock SET version = version + 1 WHERE id = 1`
    const rows = yield* sql`SELECT g.account_id FROM baton_role_grants g JOIN baton_accounts a ON a.id = g.account_id
      WHERE g.tenant_id = '' AND g.role = 'platform-admin' AND a.status = 'active' ORDER BY g.account_id`.pipe(
      Effect.flatMap(Schema.decodeUnknown(Schema.Array(IdRow)))
    )
    return rows.map((row) => row.account_id)
  })

  return Admins.of({
    list: admins(sql.literal("1 = 1")).pipe(mapErrors("Admins.list")),
    find: (id) => admins(sql`a.id = ${id}`).pipe(Effect.map(Arr.head), mapErrors("Admins.find")),
    lockActivePlatformAdmins: lock.pipe(mapErrors("Admins.lockActivePlatformAdmins"))
  })
})

export const layer: Layer.Layer<Admins, never, SqlClient.SqlClient> = Layer.effect(Admins, make)
