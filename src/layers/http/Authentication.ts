import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import { Device } from "../../domain/identity/Session.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { authenticate } from "../../orchestration/identity/authenticate.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { capture, withServices } from "../CapturedServices.js"
import { ServiceUnavailable, unavailable, Unauthorized } from "./HttpErrors.js"

/** The actor the request's bearer token authenticates. */
export class CurrentActor extends Context.Tag("baton/layers/http/CurrentActor")<CurrentActor, Actor>() {}

/** Where a request comes from, as far as the server can tell (cut to the lengths `Device` allows, so not validated again). */
export const requestDevice = Effect.map(HttpServerRequest.HttpServerRequest, (request) =>
  new Device({
    userAgent: (request.headers["user-agent"] ?? "unknown").slice(0, 512),
    ip: Option.getOrElse(request.remoteAddress, () => "unknown").slice(0, 64)
  }, { disableValidation: true }))

/** `Authorization: Bearer <session or API token>` → `CurrentActor`, or one uniform 401. */
export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("baton/Authentication", {
  failure: Schema.Union(Unauthorized, ServiceUnavailable),
  provides: CurrentActor,
  security: { bearer: HttpApiSecurity.bearer }
}) {}

/**
 * The ports the bearer check uses. baton's server keeps them in the context its requests start
 * with (`BatonHttp.app`), so that the check runs without providing them.
 */
export const bearerPorts = [Accounts, Sessions, ApiTokens, Settings, AuditTrail] as const

/** The check runs with the five ports it uses, taken from the layer's context. */
export const layer: Layer.Layer<Authentication, never, Accounts | Sessions | ApiTokens | Settings | AuditTrail> = Layer.effect(
  Authentication,
  Effect.map(capture(...bearerPorts), (context) =>
    Authentication.of({
      bearer: (token) =>
        Effect.gen(function*() {
          const header = (yield* HttpServerRequest.HttpServerRequest).headers["authorization"] ?? ""
          const bearer = Redacted.value(token).trim()
          if (!/^bearer\s/i.test(header) || bearer === "") return yield* Unauthorized.uniform
          const outcome = yield* authenticate(bearer, yield* requestDevice)
          return outcome._tag === "Valid" ? outcome.actor : yield* Unauthorized.uniform
        }).pipe(unavailable, withServices(context))
    }))
)
