import * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import { Array as Arr, DateTime, Effect, Layer, Option, Schema } from "effect"
import { Challenge, ChallengeId } from "../../domain/identity/Challenge.js"
import { Device, Session, shouldTouch } from "../../domain/identity/Session.js"
import { constructor } from "../../domain/shared/Construct.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { SessionId } from "../../domain/shared/Ids.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import * as Tokens from "../crypto/Tokens.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

/** What `countChallengeAttempt` answers for a challenge that is gone (consumed): no attempts left. */
const GONE = Number.MAX_SAFE_INTEGER

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
const Count = Schema.compose(SqlNumber, Schema.NonNegativeInt)
const DeviceColumns = { user_agent: Device.fields.userAgent, ip: Device.fields.ip }

const SessionRow = Schema.Struct({
  id: Session.fields.id,
  account_id: Session.fields.accountId,
  kind: Session.fields.kind,
  auth_epoch: Count,
  ...DeviceColumns,
  created_at: Millis,
  last_seen_at: Millis,
  authenticated_at: Millis,
  expires_at: Millis,
  revoked_at: Schema.OptionFromNullOr(Millis)
})

const ChallengeRow = Schema.Struct({
  id: Challenge.fields.id,
  account_id: Challenge.fields.accountId,
  ...DeviceColumns,
  created_at: Millis,
  expires_at: Millis,
  attempts: Count
})

/** Domain values are built from rows whose schemas (the classes' own field schemas) have just decoded them: no second validation. */
const decoded = { disableValidation: true } as const

const decodeSessions = Schema.decodeUnknown(Schema.Array(SessionRow))
const decodeChallenges = Schema.decodeUnknown(Schema.Array(ChallengeRow))

const toSession = (row: typeof SessionRow.Type) =>
  new Session({
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    authEpoch: row.auth_epoch,
    device: new Device({ userAgent: row.user_agent, ip: row.ip }, decoded),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    authenticatedAt: row.authenticated_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at
  }, decoded)

const toChallenge = (row: typeof ChallengeRow.Type) =>
  new Challenge({
    id: row.id,
    accountId: row.account_id,
    device: new Device({ userAgent: row.user_agent, ip: row.ip }, decoded),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    attempts: row.attempts
  }, decoded)

/** Builds a domain value from caller input; input the domain refuses is a broken precondition. */
const construct = <A>(operation: string, f: () => A) =>
  Effect.try({ try: f, catch: (cause) => new ContractViolation({ message: `${operation}: ${String(cause)}` }) }).pipe(Effect.orDie)

const millis = DateTime.toEpochMillis
const newSession = constructor(Session)

/** Sessions and challenges in `baton_sessions` and `baton_challenges`; tokens are stored only as their SHA-256. */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const ids = yield* Ids

  const sessionsWhere = (where: Statement.Fragment, order = sql.literal("")) =>
    sql`SELECT id, account_id, kind, auth_epoch, user_agent, ip, created_at, last_seen_at, authenticated_at, expires_at, revoked_at
        FROM baton_sessions WHERE ${where} ${order}`.pipe(Effect.flatMap(decodeSessions), Effect.map(Arr.map(toSession)))

  // the stamp written without a bump is trusted only while it is too young to be written again
  const remembered = yield* CommittedReads.remember<Option.Option<Session>>({
    keep: Option.isSome,
    fresh: (session, now) => Option.exists(session, (s) => !shouldTouch(s, DateTime.unsafeMake(now)))
  })

  return Sessions.of({
    open: (input) =>
      Effect.gen(function*() {
        const id = SessionId.make(yield* ids.next)
        const token = Tokens.mint()
        const { accountId, authEpoch, device, expiresAt, kind, now } = input
        const session = yield* construct("Sessions.open", () =>
          newSession({
            id, accountId, kind, authEpoch, device,
            createdAt: now, lastSeenAt: now, authenticatedAt: now, expiresAt, revokedAt: Option.none()
          }))
        const at = millis(now)
        yield* sql`INSERT INTO baton_sessions ${
          sql.insert({
            id, token_hash: Tokens.digest(token), account_id: accountId, kind, auth_epoch: authEpoch,
            user_agent: device.userAgent, ip: device.ip,
            created_at: at, last_seen_at: at, authenticated_at: at, expires_at: millis(expiresAt), revoked_at: null
          })
        }`.pipe(mapErrors("Sessions.open"))
        return { session, token }
      }),
    findByToken: (token) => {
      const hash = Tokens.digest(token)
      return remembered(hash, () => sessionsWhere(sql`token_hash = ${hash}`).pipe(Effect.map(Arr.head), mapErrors("Sessions.findByToken")))
    },
    find: (account, id) =>
      remembered(`${account}/${id}`, () => sessionsWhere(sql`id = ${id} AND account_id = ${account}`).pipe(Effect.map(Arr.head), mapErrors("Sessions.find"))),
    list: (account, now) =>
      sessionsWhere(
        sql`account_id = ${account} AND revoked_at IS NULL AND expires_at > ${millis(now)}`,
        sql.literal("ORDER BY created_at DESC, id DESC")
      ).pipe(mapErrors("Sessions.list")),
    isKnownDevice: (account, device) =>
      sql`SELECT 1 AS known FROM baton_sessions WHERE account_id = ${account} AND user_agent = ${device.userAgent} LIMIT 1`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Sessions.isKnownDevice")
      ),
    touch: (id, now) =>
      sql`UPDATE baton_sessions SET last_seen_at = ${millis(now)} WHERE id = ${id}`.pipe(Effect.asVoid, mapErrors("Sessions.touch")),
    reauthenticated: (id, now, authEpoch) =>
      construct("Sessions.reauthenticated", () => Schema.decodeSync(Schema.NonNegativeInt)(authEpoch)).pipe(
        Effect.zipRight(sql`UPDATE baton_sessions SET authenticated_at = ${millis(now)}, auth_epoch = ${authEpoch} WHERE id = ${id}`),
        Effect.asVoid,
        mapErrors("Sessions.reauthenticated")
      ),
    revoke: (account, which, now) =>
      sql`UPDATE baton_sessions SET revoked_at = ${millis(now)}
          WHERE account_id = ${account} AND revoked_at IS NULL AND ${
        which === "all" ? sql.literal("1 = 1") : "only" in which ? sql`id = ${which.only}` : sql`id <> ${which.allBut}`
      } RETURNING id`.pipe(Effect.map((rows) => rows.length), mapErrors("Sessions.revoke")),

    openChallenge: ({ accountId, device, expiresAt, now }) =>
      Effect.gen(function*() {
        const id = ChallengeId.make(yield* ids.next)
        const token = Tokens.mint()
        const challenge = new Challenge({ id, accountId, device, createdAt: now, expiresAt, attempts: 0 })
        yield* sql`INSERT INTO baton_challenges ${
          sql.insert({
            id, token_hash: Tokens.digest(token), account_id: accountId, user_agent: device.userAgent, ip: device.ip,
            created_at: millis(now), expires_at: millis(expiresAt), attempts: 0
          })
        }`.pipe(mapErrors("Sessions.openChallenge"))
        return { challenge, token }
      }),
    findChallenge: (token) =>
      sql`SELECT id, account_id, user_agent, ip, created_at, expires_at, attempts
          FROM baton_challenges WHERE token_hash = ${Tokens.digest(token)}`.pipe(
        Effect.flatMap(decodeChallenges),
        Effect.map((rows) => Option.map(Arr.head(rows), toChallenge)),
        mapErrors("Sessions.findChallenge")
      ),
    countChallengeAttempt: (id) =>
      sql`UPDATE baton_challenges SET attempts = attempts + 1 WHERE id = ${id} RETURNING attempts`.pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(Schema.Struct({ attempts: SqlNumber })))),
        Effect.map((rows) => Option.match(Arr.head(rows), { onNone: () => GONE, onSome: (row) => row.attempts })),
        mapErrors("Sessions.countChallengeAttempt")
      ),
    consumeChallenge: (id) =>
      sql`DELETE FROM baton_challenges WHERE id = ${id} RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("Sessions.consumeChallenge")
      )
  })
})

export const layer: Layer.Layer<Sessions, never, SqlClient.SqlClient | Ids> = Layer.effect(Sessions, make)
