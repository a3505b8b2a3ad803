import type { SqlError } from "@effect/sql/SqlError"
import { type Cause, Effect, type ParseResult, Schema } from "effect"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"

/**
 * The one error table of the SQL adapters: a driver failure becomes the port's
 * `RepositoryError`; a row that does not decode, or a missing row that must exist, is stored
 * data in an impossible state: a defect.
 */
export const mapErrors = (operation: string) =>
<A, R>(
  effect: Effect.Effect<A, SqlError | ParseResult.ParseError | Cause.NoSuchElementException, R>
): Effect.Effect<A, RepositoryError, R> =>
  effect.pipe(
    Effect.catchTags({
      SqlError: (cause) => Effect.fail(new RepositoryError({ operation, cause })),
      ParseError: (cause) =>
        Effect.die(new InvariantViolation({ message: `${operation}: a stored row does not decode: ${cause.message}`, cause })),
      NoSuchElementException: (cause) =>
        Effect.die(new InvariantViolation({ message: `${operation}: the query returned no row`, cause }))
    })
  )

/** A number column: drivers return BIGINT and aggregates as numbers or as decimal strings. */
export const SqlNumber = Schema.Union(Schema.Number, Schema.NumberFromString)

/** A nullable number column. */
export const SqlNullableNumber = Schema.NullOr(SqlNumber)
