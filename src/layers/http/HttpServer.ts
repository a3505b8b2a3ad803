import { createServer } from "node:http"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiSwagger from "@effect/platform/HttpApiSwagger"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Etag from "@effect/platform/Etag"
import * as FileSystem from "@effect/platform/FileSystem"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpPlatform from "@effect/platform/HttpPlatform"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Path from "@effect/platform/Path"
import { Context, Duration, Effect, FiberRef, Layer } from "effect"
import { constTrue } from "effect/Function"
import { builtWithOnly } from "../BuiltWithOnly.js"
import * as AccessGeneration from "../sql/AccessGeneration.js"
import * as AdminsHttp from "./AdminsHttp.js"
import * as AuditHttp from "./AuditHttp.js"
import { BatonApi } from "./BatonApi.js"
import * as Authentication from "./Authentication.js"
import * as CommerceHttp from "./CommerceHttp.js"
import * as DigitalCardsHttp from "./DigitalCardsHttp.js"
import * as DropshipHttp from "./DropshipHttp.js"
import * as HealthHttp from "./HealthHttp.js"
import * as IdentityHttp from "./IdentityHttp.js"
import * as ModulesHttp from "./ModulesHttp.js"
import * as HttpMetrics from "./HttpMetrics.js"
import * as MembersHttp from "./MembersHttp.js"
import * as NotificationsHttp from "./NotificationsHttp.js"
import * as ReturnsHttp from "./ReturnsHttp.js"
import * as SettingsHttp from "./SettingsHttp.js"
import * as SupplyDataHttp from "./SupplyDataHttp.js"
import * as SupplyHttp from "./SupplyHttp.js"
import * as TenantsHttp from "./TenantsHttp.js"
import * as VendorCallbacksHttp from "./VendorCallbacksHttp.js"

/**
 * baton's API with every group's handlers, whose bearer check is `authentication`: a layer of
 * the `Authentication` middleware (baton's is `Authentication.layer`; a host fronting baton with
 * its own identity provider, or a benchmark isolating the check, gives another).
 */
export const apiWith = <E, R>(authentication: Layer.Layer<Authentication.Authentication, E, R>) =>
  HttpApiBuilder.api(BatonApi).pipe(
    Layer.provide([
      HealthHttp.layer(),
      IdentityHttp.authLayer,
      IdentityHttp.meLayer,
      TenantsHttp.layer,
      MembersHttp.membersLayer,
      MembersHttp.rolesLayer,
      SettingsHttp.layer,
      AuditHttp.layer,
      NotificationsHttp.layer,
      AdminsHttp.adminsLayer,
      AdminsHttp.invitationsLayer,
      SupplyHttp.layer,
      SupplyDataHttp.layer,
      ReturnsHttp.layer,
      CommerceHttp.layer,
      ModulesHttp.layer,
      DigitalCardsHttp.layer,
      DropshipHttp.layer,
      VendorCallbacksHttp.layer
    ]),
    Layer.provide(authentication)
  )

/** baton's API with every group's handlers: mount it with `HttpApiBuilder.serve`, or test it with `toWebHandler`. */
export const api = apiWith(Authentication.layer)

/** Probes and scrapes create no spans: they are frequent and say nothing. */
const untraced = (request: { readonly url: string }) => request.url.startsWith("/health/") || request.url === "/metrics"

/**
 * Which requests get a server span: none while tracing is off (`Effect.withTracerEnabled(false)`,
 * baton's default), where the span would be a no-op that still parses the URL and copies the
 * request's context; otherwise all but probes and scrapes.
 */
export const withRequestSpans = <A, E, R>(layer: Layer.Layer<A, E, R>) =>
  Layer.unwrapEffect(
    Effect.map(FiberRef.get(FiberRef.currentTracerEnabled), (tracing) =>
      HttpMiddleware.withTracerDisabledWhen(layer, tracing ? untraced : constTrue))
  )

/**
 * What every request passes through, in one step of its fiber: request metrics
 * (`HttpMetrics.measured`), and for safe requests (`GET`, `HEAD`: they do not write) one reading
 * of the database's access generation while their handler runs, however many remembered rows
 * they use (`AccessGeneration.snapshotRequest`); a body streamed after the handler has answered
 * reads it afresh (`AccessGeneration.endSnapshot`).
 */
export const requestMiddleware = HttpMiddleware.make(<E, R>(app: HttpApp.Default<E, R>) =>
  Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest>((fiber) => {
    const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
    if (request.method !== "GET" && request.method !== "HEAD") return HttpMetrics.measured(app, request)
    AccessGeneration.snapshotRequest(request)
    return HttpMetrics.measured(app, request, () => AccessGeneration.endSnapshot(request))
  })
)

/** What serving an `HttpApi` needs from the context besides the server: the API and the platform's defaults. */
export const apiServing = [HttpApi.Api, HttpPlatform.HttpPlatform, Etag.Generator, FileSystem.FileSystem, Path.Path] as const

/**
 * `layer` (an `HttpApiBuilder.serve`) built with only what serving needs (`builtWithOnly`). A
 * request starts with its server's context, which the platform copies three times per request;
 * the handlers lose nothing, as each group gives its requests the context it was built with.
 */
export const servedAlone = builtWithOnly(HttpServer.HttpServer, ...apiServing)

/**
 * baton's server: served alone but for the five ports of the bearer check, which then finds them
 * in the request's context instead of providing them (a provide costs ≈ 25 fiber steps per request).
 */
export const servedWithBearerPorts = builtWithOnly(HttpServer.HttpServer, ...apiServing, ...Authentication.bearerPorts)

/** The API with `/openapi.json` and `/docs`, as an app ready to serve (request metrics included). */
export const app = servedWithBearerPorts(
  HttpApiBuilder.serve(requestMiddleware).pipe(
    Layer.provide(HttpApiSwagger.layer({ path: "/docs" })),
    Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" }))
  )
).pipe(
  Layer.provide(api),
  withRequestSpans
)

export interface ListenOptions {
  readonly port: number
  readonly host: string
  /** On shutdown, in-flight requests get this long to finish before their connections are closed. */
  readonly drainTimeout?: Duration.DurationInput
}

/**
 * A Node HTTP server for `app`. On shutdown it stops accepting connections, closes idle ones,
 * lets in-flight requests finish, and after `drainTimeout` closes whatever is left.
 */
export const listen = (options: ListenOptions) => {
  const server = createServer()
  const forceCloseAfterDrain = Layer.scopedDiscard(
    Effect.addFinalizer(() =>
      Effect.sync(() => {
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), Duration.toMillis(options.drainTimeout ?? Duration.seconds(10))).unref()
      }).pipe(Effect.zipRight(Effect.logInfo("http server draining")))
    )
  )
  return Layer.provideMerge(forceCloseAfterDrain, NodeHttpServer.layer(() => server, { port: options.port, host: options.host }))
}
