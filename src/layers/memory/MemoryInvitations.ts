import { Effect, Layer, Option } from "effect"
import { INVITATION_PREFIX, Invitation } from "../../domain/identity/Invitation.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { Invitations } from "../../orchestration/identity/Invitations.js"
import * as Tokens from "../crypto/Tokens.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface Row {
  readonly tokenHash: string
  readonly invitation: Invitation
}

type Rows = ReadonlyMap<AccountId, Row>

const byToken = (rows: Rows, token: string) => {
  const hash = Tokens.digest(token)
  return Option.fromNullable([...rows.values()].find((row) => row.tokenHash === hash))
}

/** Invitations in memory, one per account; tokens kept only as their SHA-256, like in SQL. */
export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<Rows>("invitations", new Map())
  return Invitations.of({
    issue: ({ accountId, expiresAt, now }) =>
      Effect.gen(function*() {
        const token = Tokens.mint(INVITATION_PREFIX)
        const invitation = new Invitation({ accountId, createdAt: now, expiresAt })
        yield* rows.update((all) => new Map(all).set(accountId, { tokenHash: Tokens.digest(token), invitation }))
        return { invitation, token }
      }),
    find: (token) => Effect.map(rows.get, (all) => Option.map(byToken(all, token), (row) => row.invitation)),
    consume: (token) =>
      rows.modify((all) =>
        Option.match(byToken(all, token), {
          onNone: () => [false, all] as const,
          onSome: (row) => {
            const next = new Map(all)
            next.delete(row.invitation.accountId)
            return [true, next] as const
          }
        })
      )
  })
})

export const layer: Layer.Layer<Invitations, never, MemoryDatabase> = Layer.effect(Invitations, make)
