import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Duration, Effect } from "effect"
import type { ReadinessLimits } from "../../domain/health/Readiness.js"
import { checkReadiness } from "../../orchestration/health/checkReadiness.js"
import { observeModules } from "../../orchestration/modules/observeModules.js"
import { BatonApi } from "./BatonApi.js"
import { type Alive, type HealthApi } from "./HealthApi.js"
import * as Prometheus from "./Prometheus.js"
import { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import { Entitlements } from "../../orchestration/modules/Entitlements.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { Outbox } from "../../orchestration/outbox/Outbox.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

export const defaultLimits: ReadinessLimits = {
  maxOutboxLag: Duration.minutes(5),
  maxHeartbeatAge: Duration.seconds(30)
}

const alive: typeof Alive.Type = { status: "ok" }

/**
 * The handlers of the health group, for any API that contains it: a host that mounts
 * `HealthApi` in its own `HttpApi` implements it with `HttpApiBuilder.group(HostApi, "health", HealthHttp.handlers())`.
 */
export const handlers = (limits: ReadinessLimits = defaultLimits) =>
<E, P, R>(group: HttpApiBuilder.Handlers<E, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof HealthApi>>) =>
  group
    .handle("live", () => Effect.succeed(alive))
    .handle("ready", () => checkReadiness(limits))
    .handle("metrics", () =>
      checkReadiness(limits).pipe(
        Effect.zipRight(observeModules().pipe(
          Effect.catchTag("RepositoryError", (error) =>
            Effect.logWarning("metrics: module job gauges not refreshed").pipe(Effect.annotateLogs({ error: error.message })))
        )),
        Effect.zipRight(Prometheus.render)
      ))

/** The health group of baton's own API. */
export const layer = (limits: ReadinessLimits = defaultLimits) =>
  HttpApiBuilder.group(BatonApi, "health", handlers(limits)).pipe(builtWithOnly(DispatcherSignal, Entitlements, Installations, Outbox))
