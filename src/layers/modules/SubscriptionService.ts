import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import type { TenantId } from "../../domain/shared/Ids.js"
import { EntitlementsError } from "../../orchestration/modules/Entitlements.js"
import * as ModulesConfig from "./ModulesConfig.js"

interface Shape {
  readonly check: (tenantId: TenantId, entitlement: string) => Effect.Effect<boolean, EntitlementsError>
}

/**
 * The subscription service itself, called without protection (the breaker sits in front of it).
 * Unless one is provided, there is none: every tenant holds every entitlement.
 */
export class SubscriptionService extends Context.Reference<SubscriptionService>()("baton/layers/modules/SubscriptionService", {
  defaultValue: (): Shape => ({ check: () => Effect.succeed(true) })
}) {}

/** No subscription service: every tenant holds every entitlement. */
export const layerGrantAll: Layer.Layer<SubscriptionService> = Layer.succeed(SubscriptionService, { check: () => Effect.succeed(true) })

const Answer = Schema.Struct({ entitled: Schema.Boolean })

/**
 * The subscription service over HTTP: `GET <base>/tenants/<tenant>/entitlements/<key>` answers 200
 * `{"entitled": boolean}`, or 404 for an entitlement the tenant does not hold. Any other status, a
 * body that does not decode, a network error or a timeout is a failure of the service.
 */
export const layerHttp = (base: URL, timeout: Duration.DurationInput): Layer.Layer<SubscriptionService, never, HttpClient.HttpClient> =>
  Layer.effect(
    SubscriptionService,
    Effect.map(HttpClient.HttpClient, (client) =>
      ({
        check: (tenantId: TenantId, entitlement: string) =>
          Effect.gen(function*() {
            const url = new URL(`tenants/${encodeURIComponent(tenantId)}/entitlements/${encodeURIComponent(entitlement)}`, base.href.endsWith("/") ? base : `${base.href}/`)
            const response = yield* client.execute(HttpClientRequest.get(url.href).pipe(HttpClientRequest.acceptJson))
            if (response.status === 404) return false
            if (response.status !== 200) return yield* Effect.fail(`status ${response.status}`)
            return (yield* Effect.flatMap(response.json, Schema.decodeUnknown(Answer))).entitled
          }).pipe(
            Effect.scoped,
            Effect.timeoutFail({ duration: timeout, onTimeout: () => `no answer within ${Duration.format(Duration.decode(timeout))}` }),
            Effect.mapError((cause) => new EntitlementsError({ reason: typeof cause === "string" ? cause : "request failed", cause }))
          )
      }))
  )

/** The HTTP service when `BATON_ENTITLEMENTS_URL` is set; otherwise every entitlement is granted. */
export const layerConfig: Layer.Layer<SubscriptionService, never, HttpClient.HttpClient> = Layer.unwrapEffect(
  Effect.map(ModulesConfig.entitlements, ({ timeout, url }) =>
    Option.match(url, { onNone: () => layerGrantAll, onSome: (base) => layerHttp(base, timeout) }))
).pipe(Layer.orDie)
