import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiClient from "@effect/platform/HttpApiClient"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Schema } from "effect"
import {
  Actor,
  CryptoKit,
  getSettings,
  HealthApi,
  HealthHttp,
  MemoryPorts,
  requireFeature,
  setSetting,
  SettingsCatalogue,
  SqlPorts,
  RecordingNotificationChannels
} from "../src/index.js"
import { sqlite } from "./support/TestDatabases.js"

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
