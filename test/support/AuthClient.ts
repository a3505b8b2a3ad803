import type * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type { HttpMethod } from "@effect/platform/HttpMethod"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { Secret, TOTP } from "otpauth"
import { SystemActor } from "../../src/domain/shared/Actor.js"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as BatonHttp from "../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import { createAccount } from "../../src/orchestration/identity/createAccount.js"
import { setSetting } from "../../src/orchestration/settings/setSetting.js"
import { sqlite } from "./TestDatabases.js"

/** What a scenario reaches: baton's ports (to arrange state) and an `HttpClient` pointed at the in-process server. */
export type AuthServices = SqlPorts.Ports | HttpClient.HttpClient

export interface AuthServer {
  readonly name: string
  /** `BatonHttp.app` on a random local port over fresh, empty storage on every build. */
  readonly layer: Layer.Layer<AuthServices>
}

const serve = <R>(ports: Layer.Layer<R>) =>
  BatonHttp.app.pipe(Layer.provideMerge(ports), Layer.provideMerge(NodeHttpServer.layerTest), Layer.orDie)

const sqlitePorts = SqlPorts.layer.pipe(
  Layer.provideMerge(RecordingNotificationChannels.layer()),
  Layer.provide(CryptoKit.layerEphemeral()),
  Layer.provideMerge(sqlite)
)

/** The whole HTTP server over a migrated SQLite file, with the SQL client for tests that read the stored rows. */
export const sqliteServer: Layer.Layer<AuthServices | SqlClient.SqlClient> = serve(sqlitePorts)

/** The whole HTTP server over memory ports and over a migrated SQLite file. */
export const authServers: ReadonlyArray<AuthServer> = [
  { name: "memory", layer: serve(MemoryPorts.layer()) },
  { name: "sqlite", layer: sqliteServer }
]

const system = new SystemActor({ component: "test" })

/** Creates an active account with a password; returns its id. */
export const createAdmin = (email: string, password: string) =>
  Effect.map(createAccount(system, { email, displayName: "Admin", password }), (outcome) =>
    outcome._tag === "AccountCreated" ? outcome.account.id : assert.fail(`account not created: ${outcome._tag}`))

/** Sets a platform setting (`auth.login.enabled`, `auth.totp.required`, …). */
export const configure = (key: string, value: unknown) =>
  Effect.map(setSetting(system, { key, value }), (outcome) => assert.strictEqual(outcome._tag, "SettingUpdated"))

export interface Reply {
  readonly status: number
  readonly headers: Headers.Headers
  /** The body exactly as sent. */
  readonly text: string
  /** The body parsed as JSON (`undefined` when empty). */
  readonly body: unknown
}

export interface RequestOptions {
  readonly bearer?: string
  /** A raw `Authorization` header, for malformed ones. */
  readonly authorization?: string
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

const Json = Schema.parseJson()

/** One raw request: status, headers and body as the wire carries them. */
export const request = (method: HttpMethod, path: string, options: RequestOptions = {}) =>
  Effect.gen(function*() {
    let outgoing = HttpClientRequest.make(method)(path)
    if (options.bearer !== undefined) outgoing = HttpClientRequest.bearerToken(outgoing, options.bearer)
    if (options.authorization !== undefined) outgoing = HttpClientRequest.setHeader(outgoing, "authorization", options.authorization)
    if (options.headers !== undefined) outgoing = HttpClientRequest.setHeaders(outgoing, options.headers)
    if (options.body !== undefined) outgoing = yield* HttpClientRequest.bodyJson(outgoing, options.body)
    const response = yield* HttpClient.execute(outgoing)
    const text = yield* response.text
    const body: unknown = text === "" ? undefined : yield* Schema.decodeUnknown(Json)(text)
    return { status: response.status, headers: response.headers, text, body } satisfies Reply
  }).pipe(Effect.orDie)

/** Decodes the fields a scenario needs from a reply's body. */
export const bodyOf = <A, I>(reply: Reply, schema: Schema.Schema<A, I>) => Effect.orDie(Schema.decodeUnknown(schema)(reply.body))

const Opened = Schema.Struct({
  _tag: Schema.Literal("Authenticated"),
  sessionToken: Schema.String,
  session: Schema.Struct({ id: Schema.String })
})

/** Answers a login or a second factor that must open a full session: its token and session id. */
export const sessionOf = (reply: Reply) => {
  assert.strictEqual(reply.status, 200, reply.text)
  return Effect.map(bodyOf(reply, Opened), (body) => ({ token: body.sessionToken, id: body.session.id }))
}

/** `POST /auth/login`, raw. */
export const login = (email: string, password: string) => request("POST", "/auth/login", { body: { email, password } })

/** Logs in with the password alone (no second factor): the session token and id. */
export const loginAs = (email: string, password: string) => Effect.flatMap(login(email, password), sessionOf)

/** Logs in and returns the second-factor challenge token. */
export const challengeFor = (email: string, password: string) =>
  Effect.gen(function*() {
    const reply = yield* login(email, password)
    assert.strictEqual(reply.status, 202, reply.text)
    return (yield* bodyOf(reply, Schema.Struct({ _tag: Schema.Literal("SecondFactorRequired"), challengeToken: Schema.String }))).challengeToken
  })

/** The TOTP code of `secret` at `Date.now() + offsetMillis`. */
export const totpCode = (secret: string, offsetMillis = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetMillis })

/** Answers a second-factor challenge with a TOTP or a recovery code. */
export const answer = (factor: "totp" | "recovery", challengeToken: string, code: string) =>
  request("POST", `/auth/${factor}`, { body: { challengeToken, code } })

/** A well-formed code that matches none of the steps the server accepts now. */
export const wrongCode = (secret: string) => {
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => totpCode(secret, offset)))
  return ["123456", "654321", "111111", "222222", "333333", "444444"].find((code) => !valid.has(code)) ?? "999999"
}

const Enrolment = Schema.Struct({ secret: Schema.String, uri: Schema.String, qrSvg: Schema.String })
const Enabled = Schema.Struct({ recoveryCodes: Schema.Array(Schema.String) })

/** The secret, `otpauth://` URI and SVG QR code of a started enrolment. */
export const enrolmentOf = (reply: Reply) => bodyOf(reply, Enrolment)

/** Starts and confirms a TOTP enrolment in the session `bearer` with the code of the current step (then used up). */
export const enrolTotp = (bearer: string) =>
  Effect.gen(function*() {
    const started = yield* request("POST", "/me/totp/enrollment", { bearer })
    assert.strictEqual(started.status, 200, started.text)
    const { secret } = yield* bodyOf(started, Enrolment)
    const enrolmentCode = totpCode(secret)
    const confirmed = yield* request("POST", "/me/totp/enrollment/confirm", { bearer, body: { code: enrolmentCode } })
    assert.strictEqual(confirmed.status, 200, confirmed.text)
    return { secret, enrolmentCode, recoveryCodes: (yield* bodyOf(confirmed, Enabled)).recoveryCodes }
  })

/** Creates an account, logs in and enrols TOTP (the code of the current step is then used up). */
export const enrolledAdmin = (email: string, password: string) =>
  Effect.gen(function*() {
    yield* createAdmin(email, password)
    return yield* enrolTotp((yield* loginAs(email, password)).token)
  })
