import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { NotReady, Ready } from "../../domain/health/Readiness.js"

/**
 * The liveness answer. A plain struct, not a `Schema.Class`: encoding a class instance checks its
 * prototype and copies it on every probe, measurably (`bench/health.ts`), for nothing here.
 */
export const Alive = Schema.Struct({ status: Schema.Literal("ok") }).annotations({ identifier: "Alive" })

/** Liveness, readiness and metrics: the endpoints orchestrators and probes scrape. */
export class HealthApi extends HttpApiGroup.make("health")
  .add(
    HttpApiEndpoint.get("live", "/health/live")
      .addSuccess(Alive)
      .annotate(OpenApi.Summary, "The process is up and serving requests")
  )
  .add(
    HttpApiEndpoint.get("ready", "/health/ready")
      .addSuccess(Ready)
      .addSuccess(NotReady, { status: 503 })
      .annotate(OpenApi.Summary, "The database answers, the outbox is not lagging and the dispatcher is alive")
  )
  .add(
    HttpApiEndpoint.get("metrics", "/metrics")
      .addSuccess(HttpApiSchema.Text({ contentType: "text/plain; version=0.0.4; charset=utf-8" }))
      .annotate(OpenApi.Summary, "Metrics in the Prometheus text exposition format")
  )
  .annotate(OpenApi.Title, "Health")
{}
