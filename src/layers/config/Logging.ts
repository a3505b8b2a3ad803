import { Config, Effect, Layer, Logger, LogLevel } from "effect"

const format = Config.literal("logfmt", "json", "pretty")("BATON_LOG_FORMAT").pipe(Config.withDefault("logfmt" as const))
const level = Config.logLevel("BATON_LOG_LEVEL").pipe(Config.withDefault(LogLevel.Info))

/** The logger from `BATON_LOG_FORMAT` (logfmt, json or pretty) and `BATON_LOG_LEVEL` (default Info). */
export const layer = Layer.unwrapEffect(
  Effect.gen(function*() {
    const chosen = yield* format
    const minimum = yield* level
    const logger = chosen === "json" ? Logger.json : chosen === "pretty" ? Logger.pretty : Logger.logFmt
    return Layer.merge(logger, Logger.minimumLogLevel(minimum))
  })
)
