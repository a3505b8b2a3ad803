import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiClient from "@effect/platform/HttpApiClient"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted, Schema } from "effect"
import {
  Actor,
  Authentication,
  BatonHttp,
  CryptoKit,
  getSettings,
  HealthApi,
  HealthHttp,
  HttpErrors,
  Identifiers,
  MemoryPorts,
  requireFeature,
  setSetting,
  SettingsCatalogue,
  SqlPorts,
  RecordingNotificationChannels
} from "../src/index.js"
import { createAdmin, loginAs, request } from "./support/AuthClient.js"
import { sqlite } from "./support/TestDatabases.js"
import * as Workflows from "./support/Workflows.js"

/** A host's own API: its group, plus baton's health group mounted beside it. */
class RegistrationClosed extends Schema.TaggedError<RegistrationClosed>()("RegistrationClosed", {}, HttpApiSchema.annotations({ status: 503 })) {}

class SignupApi extends HttpApiGroup.make("signup").add(
  HttpApiEndpoint.post("signup", "/signup").addSuccess(Schema.Struct({ welcome: Schema.Boolean })).addError(RegistrationClosed)
) {}

class HostApi extends HttpApi.make("host").add(SignupApi).add(HealthApi.HealthApi) {}

const SignupLive = HttpApiBuilder.group(HostApi, "signup", (handlers) =>
  handlers.handle("signup", () =>
    requireFeature(SettingsCatalogue.UserRegistrationEnabled).pipe(
      Effect.orDie,
      Effect.flatMap(Option.match({ onNone: () => Effect.succeed({ welcome: true }), onSome: () => new RegistrationClosed() }))
    )))

const HostLive = HttpApiBuilder.api(HostApi).pipe(
  Layer.provide([SignupLive, HttpApiBuilder.group(HostApi, "health", HealthHttp.handlers())])
)

const hostServer = HttpApiBuilder.serve().pipe(
  Layer.provide(HostLive),
  Layer.provideMerge(MemoryPorts.layer()),
  Layer.provideMerge(NodeHttpServer.layerTest)
)

const operator = new Actor.SystemActor({ component: "host-test" })

/**
 * baton's whole API in a host's server, its ports given to the API layer alone: the server's
 * requests run without them, so the bearer check must bring its own (the test reaches the same
 * ports, built once).
 */
const sharedPorts = MemoryPorts.layer()
const portsOnlyInTheApi = Layer.merge(
  HttpApiBuilder.serve().pipe(Layer.provide(BatonHttp.api.pipe(Layer.provide(Workflows.inMemory.pipe(Layer.provideMerge(sharedPorts)))))),
  sharedPorts
).pipe(Layer.provideMerge(NodeHttpServer.layerTest))

/**
 * baton's API behind a host's own bearer check (`BatonHttp.apiWith`): the host's identity provider
 * issued the tokens and says which account each one acts for; baton's handlers run as that actor.
 */
const hostIssued = new Map<string, Actor.Actor>()
const hostBearerCheck = Layer.succeed(
  Authentication.Authentication,
  Authentication.Authentication.of({
    bearer: (token) => {
      const actor = hostIssued.get(Redacted.value(token))
      return actor === undefined ? HttpErrors.Unauthorized.uniform : Effect.succeed(actor)
    }
  })
)
const hostPorts = MemoryPorts.layer()
const behindTheHostsCheck = Layer.merge(
  HttpApiBuilder.serve().pipe(Layer.provide(BatonHttp.apiWith(hostBearerCheck).pipe(Layer.provide(Workflows.inMemory.pipe(Layer.provideMerge(hostPorts)))))),
  hostPorts
).pipe(Layer.provideMerge(NodeHttpServer.layerTest))

describe("embedding baton", () => {
  it.live("a host mounts baton's HttpApi groups in its own server and gates its endpoints on baton's feature flags", () =>
    Effect.gen(function*() {
      const client = yield* HttpApiClient.make(HostApi)
      assert.deepStrictEqual(yield* client.signup.signup(), { welcome: true })
      assert.deepStrictEqual(yield* client.health.live(), { status: "ok" })
      yield* setSetting(operator, { key: "tenants.registration.enabled", value: false })
      const closed = yield* Effect.flip(client.signup.signup())
      assert.strictEqual(closed._tag, "RegistrationClosed")
    }).pipe(Effect.provide(hostServer)))

  it.live("a host that gives baton's ports to its API layer only: bearer checks still authenticate", () =>
    Effect.gen(function*() {
      yield* createAdmin("host-admin@example.com", "correct horse battery staple")
      const session = yield* loginAs("host-admin@example.com", "correct horse battery staple")
      const me = yield* request("GET", "/me", { bearer: session.token })
      assert.strictEqual(me.status, 200, me.text)
      assert.strictEqual((me.body as { account: { email: string } }).account.email, "host-admin@example.com")
      assert.strictEqual((yield* request("GET", "/me", { bearer: "not-a-session" })).status, 401)
    }).pipe(Effect.provide(portsOnlyInTheApi)))

  it.live("a host puts its own bearer check in front of baton's API: its tokens act as the accounts it names, others get the uniform 401", () =>
    Effect.gen(function*() {
      const account = yield* createAdmin("sso-admin@example.com", "correct horse battery staple")
      hostIssued.set("issued-by-the-host", new Actor.AccountActor({ accountId: account, sessionId: Identifiers.SessionId.make("host-session") }))
      const me = yield* request("GET", "/me", { bearer: "issued-by-the-host" })
      assert.strictEqual(me.status, 200, me.text)
      assert.strictEqual((me.body as { account: { email: string } }).account.email, "sso-admin@example.com")
      const refused = yield* request("GET", "/me", { bearer: "a-baton-session-token" })
      assert.strictEqual(refused.status, 401)
      assert.strictEqual((refused.body as { _tag: string })._tag, "Unauthorized")
    }).pipe(Effect.provide(behindTheHostsCheck)))

  it.live("a host composes baton's SQL ports over its own SQL client", () =>
    Effect.gen(function*() {
      yield* setSetting(operator, { key: "platform.displayName", value: "Host" })
      const settings = yield* getSettings(Option.none())
      assert.strictEqual(settings.find((s) => s.key === "platform.displayName")?.value, "Host")
    }).pipe(
      Effect.provide(
        SqlPorts.layer.pipe(
          Layer.provide(RecordingNotificationChannels.layer(["log"])),
          Layer.provide(CryptoKit.layerEphemeral()),
          Layer.provide(sqlite)
        )
      )
    ))
})
