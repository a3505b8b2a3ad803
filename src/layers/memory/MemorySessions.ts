import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { Challenge, ChallengeId } from "../../domain/identity/Challenge.js"
import { Session } from "../../domain/identity/Session.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { SessionId } from "../../domain/shared/Ids.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import * as Tokens from "../crypto/Tokens.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface Stored<A> {
  readonly tokenHash: string
  readonly value: A
}

type Rows<A> = ReadonlyMap<string, Stored<A>>

/** What `countChallengeAttempt` answers for a challenge that is gone (consumed): no attempts left. */
const GONE = Number.MAX_SAFE_INTEGER

const byToken = <A>(rows: Rows<A>, token: string) => {
  const hash = Tokens.digest(token)
  return Option.fromNullable([...rows.values()].find((row) => row.tokenHash === hash)).pipe(Option.map((row) => row.value))
}

/** Builds a domain value from caller input; input the domain refuses is a broken precondition. */
const construct = <A>(operation: string, f: () => A) =>
  Effect.try({ try: f, catch: (cause) => new ContractViolation({ message: `${operation}: ${String(cause)}` }) }).pipe(Effect.orDie)

const newestFirst = (a: Session, b: Session) =>
  DateTime.toEpochMillis(b.createdAt) - DateTime.toEpochMillis(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/** Sessions and challenges in memory, keyed by id; tokens are kept only as their SHA-256, like in SQL. */
export const make = Effect.gen(function*() {
  const database = yield* MemoryDatabase
  const ids = yield* Ids
  const sessions = database.table<Rows<Session>>("sessions", new Map())
  const challenges = database.table<Rows<Challenge>>("challenges", new Map())

  const updateSession = (id: SessionId, f: (session: Session) => Session) =>
    sessions.update((all) => {
      const row = all.get(id)
      return row === undefined ? all : new Map(all).set(id, { ...row, value: f(row.value) })
    })

  return Sessions.of({
    open: (input) =>
      Effect.gen(function*() {
        const id = SessionId.make(yield* ids.next)
        const token = Tokens.mint()
        const session = yield* construct("Sessions.open", () =>
          new Session({
            id,
            accountId: input.accountId,
            kind: input.kind,
            authEpoch: input.authEpoch,
            device: input.device,
            createdAt: input.now,
            lastSeenAt: input.now,
            authenticatedAt: input.now,
            expiresAt: input.expiresAt,
            revokedAt: Option.none()
          }))
        yield* sessions.update((all) => new Map(all).set(id, { tokenHash: Tokens.digest(token), value: session }))
        return { session, token }
      }),
    findByToken: (token) => Effect.map(sessions.get, (all) => byToken(all, token)),
    find: (account, id) =>
      Effect.map(sessions.get, (all) => Option.fromNullable(all.get(id)?.value).pipe(Option.filter((s) => s.accountId === account))),
    list: (account, now) =>
      Effect.map(sessions.get, (all) =>
        [...all.values()]
          .map((row) => row.value)
          .filter((s) => s.accountId === account && Option.isNone(s.revokedAt) && DateTime.greaterThan(s.expiresAt, now))
          .sort(newestFirst)),
    isKnownDevice: (account, device) =>
      Effect.map(sessions.get, (all) =>
        [...all.values()].some((row) => row.value.accountId === account && row.value.device.userAgent === device.userAgent)),
    touch: (id, now) => updateSession(id, (s) => new Session({ ...s, lastSeenAt: now })),
    reauthenticated: (id, now, authEpoch) =>
      construct("Sessions.reauthenticated", () => Schema.decodeSync(Schema.NonNegativeInt)(authEpoch)).pipe(
        Effect.zipRight(updateSession(id, (s) => new Session({ ...s, authenticatedAt: now, authEpoch })))
      ),
    revoke: (account, which, now) =>
      sessions.modify((all) => {
        const matches = (s: Session) =>
          s.accountId === account && Option.isNone(s.revokedAt) &&
          (which === "all" || ("only" in which ? s.id === which.only : s.id !== which.allBut))
        const next = new Map(all)
        let revoked = 0
        for (const [id, row] of all) {
          if (!matches(row.value)) continue
          next.set(id, { ...row, value: new Session({ ...row.value, revokedAt: Option.some(now) }) })
          revoked += 1
        }
        return [revoked, revoked === 0 ? all : next] as const
      }),

    openChallenge: (input) =>
      Effect.gen(function*() {
        const id = ChallengeId.make(yield* ids.next)
        const token = Tokens.mint()
        const challenge = new Challenge({
          id,
          accountId: input.accountId,
          device: input.device,
          createdAt: input.now,
          expiresAt: input.expiresAt,
          attempts: 0
        })
        yield* challenges.update((all) => new Map(all).set(id, { tokenHash: Tokens.digest(token), value: challenge }))
        return { challenge, token }
      }),
    findChallenge: (token) => Effect.map(challenges.get, (all) => byToken(all, token)),
    countChallengeAttempt: (id) =>
      challenges.modify((all) => {
        const row = all.get(id)
        if (row === undefined) return [GONE, all] as const
        const attempts = row.value.attempts + 1
        return [attempts, new Map(all).set(id, { ...row, value: new Challenge({ ...row.value, attempts }) })] as const
      }),
    consumeChallenge: (id) =>
      challenges.modify((all) => {
        if (!all.has(id)) return [false, all] as const
        const next = new Map(all)
        next.delete(id)
        return [true, next] as const
      })
  })
})

export const layer: Layer.Layer<Sessions, never, MemoryDatabase | Ids> = Layer.effect(Sessions, make)
