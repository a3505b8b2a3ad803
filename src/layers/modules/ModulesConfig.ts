import { Config } from "effect"
import { millisBetween } from "../config/BatonConfig.js"

/** The subscription service asked for entitlements (`BATON_ENTITLEMENTS_URL`; unset grants everything). */
export const entitlements = Config.all({
  url: Config.option(Config.url("BATON_ENTITLEMENTS_URL")),
  timeout: millisBetween("BATON_ENTITLEMENTS_TIMEOUT_MS", 100, 60_000, 2000)
})

/** The installation scheduler: how often it looks for queued jobs, and when a running job counts as stuck. */
export const scheduler = Config.all({
  pollInterval: millisBetween("BATON_MODULES_POLL_MS", 10, 60_000, 500),
  staleAfter: millisBetween("BATON_MODULES_STALE_MS", 1000, 86_400_000, 60_000)
})
