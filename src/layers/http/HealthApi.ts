import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { NotReady, Ready } from "../../domain/health/Readiness.js"

export class Alive extends Schema.Class<Alive>("Alive")({ status: Schema.Literal("ok") }) {}

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
