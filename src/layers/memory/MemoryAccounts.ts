import { Effect, Layer, Option } from "effect"
import { Account } from "../../domain/identity/Account.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

type Rows = ReadonlyMap<string, Account>

const put = (rows: Rows, account: Account): Rows => new Map(rows).set(account.id, account)

export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<Rows>("accounts", new Map())
  return Accounts.of({
    findById: (id) => Effect.map(rows.get, (all) => Option.fromNullable(all.get(id))),
    findByEmail: (email) => Effect.map(rows.get, (all) => Option.fromNullable([...all.values()].find((a) => a.email === email))),
    create: (account) =>
      rows.modify((all) => {
        // As in SQL: a taken email answers `false`; otherwise a taken id is refused, never overwritten.
        if ([...all.values()].some((a) => a.email === account.email)) return [Option.some(false), all] as const
        return all.has(account.id) ? [Option.none(), all] as const : [Option.some(true), put(all, account)] as const
      }).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.fail(new RepositoryError({ operation: "Accounts.create", cause: new Error(`duplicate account id ${account.id}`) })),
          onSome: Effect.succeed
        }))
      ),
    bumpEpoch: (id) =>
      rows.modify((all) => {
        const account = all.get(id)
        if (account === undefined) return [Option.none<number>(), all] as const
        const authEpoch = account.authEpoch + 1
        return [Option.some(authEpoch), put(all, new Account({ ...account, authEpoch }))] as const
      }).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.die(new ContractViolation({ message: `Accounts.bumpEpoch: no account ${id}` })),
          onSome: Effect.succeed
        }))
      ),
    setStatus: (id, status) =>
      rows.update((all) => {
        const account = all.get(id)
        return account === undefined ? all : put(all, new Account({ ...account, status }))
      }),
    count: Effect.map(rows.get, (all) => all.size)
  })
})

export const layer: Layer.Layer<Accounts, never, MemoryDatabase> = Layer.effect(Accounts, make)
