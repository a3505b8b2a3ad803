import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { Effect, Schema } from "effect"
import type { RepositoryError } from "../../orchestration/shared/RepositoryError.js"

/** Missing, empty, malformed, expired or revoked credentials: one body, whatever the reason. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()(
  "Unauthorized",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 401 })
) {
  static readonly uniform = new Unauthorized({ message: "authentication required" })
}

/** An infrastructure failure (the database did not answer): retry later. The log has the cause. */
export class ServiceUnavailable extends Schema.TaggedError<ServiceUnavailable>()(
  "ServiceUnavailable",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 503 })
) {}

/** Logs an infrastructure failure in full and answers 503 without its detail. */
export const unavailable = <A, E, R>(effect: Effect.Effect<A, E | RepositoryError, R>) =>
  Effect.catchIf(
    effect,
    (error): error is RepositoryError => typeof error === "object" && error !== null && "_tag" in error && error._tag === "RepositoryError",
    (error) =>
      Effect.logError("request failed: infrastructure").pipe(
        Effect.annotateLogs({ error: error.message }),
        Effect.zipRight(Effect.fail(new ServiceUnavailable({ message: "temporarily unavailable, retry later" })))
      )
  )
