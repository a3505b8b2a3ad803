import { Effect, Layer, Option } from "effect"
import { Member, type Membership } from "../../domain/identity/Membership.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { Memberships } from "../../orchestration/identity/Memberships.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

const key = (tenant: string, account: string) => `${tenant}/${account}`

export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<ReadonlyMap<string, Membership>>("memberships", new Map())
  const accounts = yield* Accounts
  const roles = yield* Roles

  const toMember = (membership: Membership) =>
    Effect.all([accounts.findById(membership.accountId), roles.grantsOf(membership.accountId)]).pipe(
      Effect.flatMap(([account, grants]) =>
        Option.match(account, {
          onNone: () => Effect.die(new InvariantViolation({ message: `Memberships.list: member ${membership.accountId} has no account` })),
          onSome: (a) =>
            Effect.succeed(
              new Member({
                accountId: a.id,
                email: a.email,
                displayName: a.displayName,
                status: a.status,
                roles: grants.filter((g) => Option.contains(g.tenantId, membership.tenantId)).map((g) => g.role).sort(),
                joinedAt: membership.joinedAt
              })
            )
        }))
    )

  return Memberships.of({
    add: (membership) =>
      rows.modify((all) => {
        const k = key(membership.tenantId, membership.accountId)
        return all.has(k) ? [false, all] : [true, new Map(all).set(k, membership)]
      }),
    find: (tenant, account) => Effect.map(rows.get, (all) => Option.fromNullable(all.get(key(tenant, account)))),
    list: (tenant, page) =>
      rows.get.pipe(
        Effect.flatMap((all) => Effect.forEach([...all.values()].filter((m) => m.tenantId === tenant), toMember)),
        Effect.map((members) =>
          members
            .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
            .filter((m) => page.after === undefined || m.email > page.after)
            .slice(0, page.limit)
        )
      ),
    remove: (tenant, account) =>
      rows.modify((all) => {
        const k = key(tenant, account)
        if (!all.has(k)) return [false, all]
        const next = new Map(all)
        next.delete(k)
        return [true, next]
      }),
    tenantsOf: (account) => Effect.map(rows.get, (all) => [...all.values()].filter((m) => m.accountId === account).map((m) => m.tenantId).sort())
  })
})

export const layer: Layer.Layer<Memberships, never, MemoryDatabase | Accounts | Roles> = Layer.effect(Memberships, make)
