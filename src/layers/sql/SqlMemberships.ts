import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { Array as Arr, DateTime, Effect, Layer, Option, Schema } from "effect"
import { RoleName } from "../../domain/access/Role.js"
import { Account } from "../../domain/identity/Account.js"
import { Member, Membership } from "../../domain/identity/Membership.js"
import { AccountId, TenantId } from "../../domain/shared/Ids.js"
import { Memberships } from "../../orchestration/identity/Memberships.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

/** Members are built from rows their schemas have just decoded: validating them again is waste. */
const decoded = { disableValidation: true } as const

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

const MembershipRow = Schema.Struct({ tenant_id: TenantId, account_id: AccountId, joined_at: Millis })

const MemberRow = Schema.Struct({
  account_id: AccountId,
  email: Account.fields.email,
  display_name: Account.fields.displayName,
  status: Account.fields.status,
  joined_at: Millis
})

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const find = SqlSchema.findOne({
    Request: Schema.Struct({ tenant: Schema.String, account: Schema.String }),
    Result: MembershipRow,
    execute: ({ account, tenant }) =>
      sql`SELECT tenant_id, account_id, joined_at FROM baton_memberships WHERE tenant_id = ${tenant} AND account_id = ${account}`
  })
  const page = SqlSchema.findAll({
    Request: Schema.Struct({ tenant: Schema.String, after: Schema.String, limit: Schema.Number }),
    Result: MemberRow,
    execute: ({ after, limit, tenant }) =>
      sql`SELECT m.account_id, a.email, a.display_name, a.status, m.joined_at
          FROM baton_memberships m JOIN baton_accounts a ON a.id = m.account_id
          WHERE m.tenant_id = ${tenant} AND a.email > ${after}
          ORDER BY a.email LIMIT ${limit}`
  })
  const rolesIn = SqlSchema.findAll({
    Request: Schema.Struct({ tenant: Schema.String, accounts: Schema.Array(Schema.String) }),
    Result: Schema.Struct({ account_id: AccountId, role: RoleName }),
    execute: ({ accounts, tenant }) =>
      sql`SELECT account_id, role FROM baton_role_grants WHERE tenant_id = ${tenant} AND ${sql.in("account_id", accounts)} ORDER BY role`
  })
  const tenantsOf = SqlSchema.findAll({
    Request: Schema.String,
    Result: Schema.Struct({ tenant_id: TenantId }),
    execute: (account) => sql`SELECT tenant_id FROM baton_memberships WHERE account_id = ${account} ORDER BY tenant_id`
  })

  const list = (tenant: TenantId, request: { readonly after?: string | undefined; readonly limit: number }) =>
    Effect.gen(function*() {
      const members = yield* page({ tenant, after: request.after ?? "", limit: request.limit })
      if (members.length === 0) return []
      const roles = Arr.groupBy(yield* rolesIn({ tenant, accounts: members.map((m) => m.account_id) }), (r) => r.account_id)
      return members.map((m) =>
        new Member({
          accountId: m.account_id,
          email: m.email,
          displayName: m.display_name,
          status: m.status,
          roles: (roles[m.account_id] ?? []).map((r) => r.role),
          joinedAt: m.joined_at
        }, decoded)
      )
    })

  // a page is made of memberships, accounts and grants: all watched by the access generation
  const rememberedPages = yield* CommittedReads.remember<ReadonlyArray<Member>>({ capacity: 1_000 })

  return Memberships.of({
    add: (membership) =>
      sql`INSERT INTO baton_memberships ${
        sql.insert({ tenant_id: membership.tenantId, account_id: membership.accountId, joined_at: DateTime.toEpochMillis(membership.joinedAt) })
      } ON CONFLICT (tenant_id, account_id) DO NOTHING RETURNING account_id`.pipe(Effect.map((rows) => rows.length > 0), mapErrors("Memberships.add")),
    find: (tenant, account) =>
      find({ tenant, account }).pipe(
        Effect.map(Option.map((row) => new Membership({ tenantId: row.tenant_id, accountId: row.account_id, joinedAt: row.joined_at }))),
        mapErrors("Memberships.find")
      ),
    list: (tenant, request) =>
      rememberedPages(`${tenant}\u0000${request.after ?? ""}\u0000${request.limit}`, () => list(tenant, request).pipe(mapErrors("Memberships.list"))),
    remove: (tenant, account) =>
      sql`DELETE FROM baton_memberships WHERE tenant_id = ${tenant} AND account_id = ${account} RETURNING account_id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Memberships.remove")
      ),
    tenantsOf: (account) => tenantsOf(account).pipe(Effect.map((rows) => rows.map((r) => r.tenant_id)), mapErrors("Memberships.tenantsOf"))
  })
})

export const layer: Layer.Layer<Memberships, never, SqlClient.SqlClient> = Layer.effect(Memberships, make)
