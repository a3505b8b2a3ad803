import { Schema } from "effect"

/**
 * The infrastructure failure of every repository-family port (repositories, settings, outbox,
 * transactions): the store could not be read or written. It carries the operation that failed
 * and the underlying cause; raw driver errors never cross a port.
 */
export class RepositoryError extends Schema.TaggedError<RepositoryError>()("RepositoryError", {
  operation: Schema.String,
  cause: Schema.Defect
}) {
  override get message(): string {
    return `${this.operation} failed: ${this.cause instanceof Error ? this.cause.message : String(this.cause)}`
  }
}
