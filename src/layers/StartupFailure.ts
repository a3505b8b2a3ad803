import { Cause, ConfigError, Console, Effect, Option } from "effect"

const describe = (error: unknown): string => {
  if (ConfigError.isConfigError(error)) return `configuration error: ${String(error)}`
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const tag = String(error._tag)
    const message = "message" in error && typeof error.message === "string" && error.message !== "" ? error.message : undefined
    const cause = "cause" in error && error.cause instanceof Error ? error.cause.message : undefined
    return [tag, message, cause].filter((part) => part !== undefined).join(": ")
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Prints why baton could not start, in one line a person can act on (which variable is wrong,
 * which database did not answer), without a stack trace; interruption (Ctrl-C) prints nothing.
 */
export const reportStartupFailure = <E>(cause: Cause.Cause<E>) =>
  Cause.isInterruptedOnly(cause)
    ? Effect.void
    : Console.error(
      `baton: ${
        Option.match(Cause.failureOption(cause), {
          onNone: () => Option.match(Cause.dieOption(cause), { onNone: () => "stopped unexpectedly", onSome: describe }),
          onSome: describe
        })
      }`
    )
