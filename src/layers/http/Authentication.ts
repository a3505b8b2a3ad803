import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import type { SessionInvalid, Valid } from "../../domain/identity/AuthOutcomes.js"
import { Device } from "../../domain/identity/Session.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import { authenticate } from "../../orchestration/identity/authenticate.js"
import { Sessions } from "../../orchestration/identity/Sessions.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { capture, withServices } from "../CapturedServices.js"
import * as Tokens from "../crypto/Tokens.js"
import * as CommittedReads from "../sql/CommittedReads.js"
import { ServiceUnavailable, unavailable, Unauthorized } from "./HttpErrors.js"

/** The actor the request's bearer token authenticates. */
export class CurrentActor extends Context.Tag("baton/layers/http/CurrentActor")<CurrentActor, Actor>() {}

/** Where `request` comes from, as far as the server can tell (cut to the lengths `Device` allows, so not validated again). */
const deviceOf = (request: HttpServerRequest.HttpServerRequest) =>
  new Device({
    userAgent: (request.headers["user-agent"] ?? "unknown").slice(0, 512),
    ip: Option.getOrElse(request.remoteAddress, () => "unknown").slice(0, 64)
  }, { disableValidation: true })

/** Where the request being served comes from. */
export const requestDevice = Effect.map(HttpServerRequest.HttpServerRequest, deviceOf)

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

/**
 * The check runs `authenticate` with the five ports it uses, taken from the layer's context. A
 * valid answer is remembered by the bearer's digest (`CommittedReads.remember`) until it lapses
 * (`Valid.until`: expiry, idle limit, the next recording of a use) or a commit changes what it
 * was made of (a revocation, a new auth epoch, the account's status, the idle timeout): a
 * bearer used again within a minute costs a lookup, not `authenticate`'s three reads. Only valid
 * answers are remembered; every refusal runs `authenticate`, and is audited with its reason.
 * Where nothing watches commits (PostgreSQL, the memory layers) every request runs it.
 */
export const layer: Layer.Layer<Authentication, never, Accounts | Sessions | ApiTokens | Settings | AuditTrail> = Layer.effect(
  Authentication,
  Effect.gen(function*() {
    const context = yield* capture(...bearerPorts)
    const remembered = yield* CommittedReads.remember<Valid | SessionInvalid>({
      keep: (outcome) => outcome._tag === "Valid",
      fresh: (outcome, now) => outcome._tag === "Valid" && now < outcome.until.epochMillis
    })
    const actorOf = (outcome: Valid | SessionInvalid) => outcome._tag === "Valid" ? Effect.succeed(outcome.actor) : Unauthorized.uniform
    return Authentication.of({
      bearer: (token) =>
        Effect.withFiberRuntime((fiber) => {
          const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
          const bearer = Redacted.value(token).trim()
          if (!/^bearer\s/i.test(request.headers["authorization"] ?? "") || bearer === "") return Unauthorized.uniform
          const key = Tokens.digest(bearer)
          const known = remembered.peek(fiber, key)
          if (known !== undefined) return actorOf(known)
          return Effect.flatMap(remembered(key, () => authenticate(bearer, deviceOf(request)).pipe(unavailable, withServices(context))), actorOf)
        })
    })
  })
)
