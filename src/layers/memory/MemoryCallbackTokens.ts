import { Effect, Layer, Option } from "effect"
import { CallbackTokens, type TokenHolder } from "../../orchestration/fulfilment/CallbackTokens.js"
import * as Tokens from "../crypto/Tokens.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface StoredToken {
  readonly holder: TokenHolder
  readonly status: "live" | "spent" | "revoked"
}

const sameLine = (a: TokenHolder, b: TokenHolder) => a.tenantId === b.tenantId && a.salesOrderId === b.salesOrderId && a.lineNo === b.lineNo

export const make = Effect.gen(function*() {
  // Keyed by the token's digest, as in SQL: the secret itself is never kept.
  const table = (yield* MemoryDatabase).table<ReadonlyMap<string, StoredToken>>("fulfilment.callbackTokens", new Map())
  return CallbackTokens.of({
    issue: (holder) =>
      Effect.suspend(() => {
        const token = Tokens.mint("bdt_")
        return Effect.as(table.update((all) => new Map(all).set(Tokens.digest(token), { holder, status: "live" })), token)
      }),
    find: (token) =>
      Effect.map(table.get, (all) => {
        const stored = all.get(Tokens.digest(token))
        return stored?.status === "live" ? Option.some(stored.holder) : Option.none()
      }),
    spend: (token) =>
      table.modify((all): readonly [boolean, ReadonlyMap<string, StoredToken>] => {
        const digest = Tokens.digest(token)
        const stored = all.get(digest)
        return stored?.status === "live" ? [true, new Map(all).set(digest, { ...stored, status: "spent" })] : [false, all]
      }),
    revoke: (holder) =>
      table.modify((all): readonly [number, ReadonlyMap<string, StoredToken>] => {
        const next = new Map(all)
        let revoked = 0
        for (const [digest, stored] of all) {
          if (stored.status === "live" && sameLine(stored.holder, holder)) (next.set(digest, { ...stored, status: "revoked" }), revoked++)
        }
        return [revoked, next]
      })
  })
})

export const layer: Layer.Layer<CallbackTokens, never, MemoryDatabase> = Layer.effect(CallbackTokens, make)
