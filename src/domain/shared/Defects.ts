import { Data } from "effect"

/**
 * Defects: failures no caller can handle, raised with `Effect.die` and never caught by business
 * code. Tests may assert on them by class.
 */

/** A caller broke a precondition that the types could not express. */
export class ContractViolation extends Data.TaggedError("ContractViolation")<{
  readonly message: string
}> {}

/** Stored data is in a state the domain says is impossible (a row that does not decode, a broken chain). */
export class InvariantViolation extends Data.TaggedError("InvariantViolation")<{
  readonly message: string
  readonly cause?: unknown
}> {}
