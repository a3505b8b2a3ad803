import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import { Duration, Effect } from "effect"
import type { ReadinessLimits } from "../../domain/health/Readiness.js"
import { checkReadiness, observeOutbox } from "../../orchestration/health/checkReadiness.js"
import { BatonApi } from "./BatonApi.js"
import { Alive } from "./HealthApi.js"
import * as Prometheus from "./Prometheus.js"

export const defaultLimits: ReadinessLimits = {
  maxOutboxLag: Duration.minutes(5),
  maxHeartbeatAge: Duration.seconds(30)
}

const alive = new Alive({ status: "ok" })

export const layer = (limits: ReadinessLimits = defaultLimits) =>
  HttpApiBuilder.group(BatonApi, "health", (handlers) =>
    handlers
      .handle("live", () => Effect.succeed(alive))
      .handle("ready", () => checkReadiness(limits))
      .handle("metrics", () =>
        observeOutbox().pipe(
          Effect.catchTag("RepositoryError", (error) =>
            Effect.logWarning("metrics: outbox gauges not refreshed").pipe(Effect.annotateLogs({ error: error.message }))),
          Effect.zipRight(Prometheus.render)
        )))
