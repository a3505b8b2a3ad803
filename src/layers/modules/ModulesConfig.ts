import { Config, Duration } from "effect"

/** The subscription service asked for entitlements (`BATON_ENTITLEMENTS_URL`; unset grants everything). */
export const entitlements = Config.all({
  url: Config.option(Config.url("BATON_ENTITLEMENTS_URL")),
  timeout: Config.integer("BATON_ENTITLEMENTS_TIMEOUT_MS").pipe(
    Config.validate({ message: "must be between 100 and 60000", validation: (n) => n >= 100 && n <= 60_000 }),
    Config.withDefault(2000),
    Config.map(Duration.millis)
  )
})

/** The installation scheduler: how often it looks for queued jobs, and when a running job counts as stuck. */
export const scheduler = Config.all({
  pollInterval: Config.integer("BATON_MODULES_POLL_MS").pipe(
    Config.validate({ message: "must be between 10 and 60000", validation: (n) => n >= 10 && n <= 60_000 }),
    Config.withDefault(500),
    Config.map(Duration.millis)
  ),
  staleAfter: Config.integer("BATON_MODULES_STALE_MS").pipe(
    Config.validate({ message: "must be between 1000 and 86400000", validation: (n) => n >= 1000 && n <= 86_400_000 }),
    Config.withDefault(60_000),
    Config.map(Duration.millis)
  )
})
