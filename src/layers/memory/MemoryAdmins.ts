import { Array as Arr, DateTime, Effect, Layer, Option, Order } from "effect"
import { PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { RoleName } from "../../domain/access/Role.js"
import { Admin } from "../../domain/identity/AdminOutcomes.js"
import type { Session } from "../../domain/identity/Session.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { Admins } from "../../orchestration/identity/Admins.js"
import { Credentials } from "../../orchestration/identity/Credentials.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

/** The part of `MemorySessions`' table the directory reads: when each session was opened. */
type SessionRows = ReadonlyMap<string, { readonly value: Session }>

const platform = Option.none()

/**
 * The admin directory over the memory ports (accounts, platform grants, TOTP) and the sessions
 * table (for the last login). The platform-admin lock needs nothing more: memory units of work
 * already run one at a time.
 */
export const make = Effect.gen(function*() {
  const sessions = (yield* MemoryDatabase).table<SessionRows>("sessions", new Map())
  const accounts = yield* Accounts
  const roles = yield* Roles
  const credentials = yield* Credentials

  const holders = Effect.map(
    Effect.forEach(PlatformRoleName.literals, (role) => Effect.map(roles.holders(RoleName.make(role), platform), (ids) => ids.map((id) => [id, role] as const))),
    Arr.flatten
  )

  const lastLogin = (id: AccountId) =>
    Effect.map(sessions.get, (all) => {
      const opened = [...all.values()].filter((row) => row.value.accountId === id).map((row) => row.value.createdAt)
      return Arr.isNonEmptyReadonlyArray(opened) ? Option.some(Arr.max(opened, DateTime.Order)) : Option.none()
    })

  const adminOf = (id: AccountId, held: ReadonlyArray<PlatformRoleName>) =>
    Effect.gen(function*() {
      const account = yield* accounts.findById(id)
      if (Option.isNone(account)) return Option.none()
      const totp = yield* credentials.totp(id)
      return Option.some(new Admin({
        id,
        email: account.value.email,
        displayName: account.value.displayName,
        status: account.value.status,
        roles: [...held].sort(),
        totpEnabled: Option.exists(totp, (t) => t.status === "enabled"),
        lastLoginAt: yield* lastLogin(id),
        createdAt: account.value.createdAt
      }))
    })

  const list = Effect.gen(function*() {
    const held = Arr.groupBy(yield* holders, ([id]) => id)
    const admins = yield* Effect.forEach(Object.values(held), (grants) => adminOf(grants[0][0], grants.map(([, role]) => role)))
    return Arr.sort(Arr.getSomes(admins), Order.mapInput(Order.string, (admin: Admin) => admin.email))
  })

  return Admins.of({
    list,
    find: (id) => Effect.map(list, Arr.findFirst((admin) => admin.id === id)),
    lockActivePlatformAdmins: Effect.gen(function*() {
      const ids = yield* roles.holders(RoleName.make("platform-admin"), platform)
      const active = yield* Effect.filter(ids, (id) => Effect.map(accounts.findById(id), Option.exists((a) => a.status === "active")))
      return [...active].sort()
    })
  })
})

export const layer: Layer.Layer<Admins, never, MemoryDatabase | Accounts | Roles | Credentials> = Layer.effect(Admins, make)
