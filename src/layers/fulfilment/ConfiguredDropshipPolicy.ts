import { Config, type ConfigError, Duration, Layer } from "effect"
import { millisBetween } from "../config/BatonConfig.js"
import { defaultPolicy, type EscalationPolicy } from "../../domain/fulfilment/Escalation.js"
import { DropshipPolicy } from "../../orchestration/fulfilment/DropshipPolicy.js"

/** A fixed escalation policy (24-hour lead-time days and a two-day second deadline by default). */
export const layer = (policy: EscalationPolicy = defaultPolicy): Layer.Layer<DropshipPolicy> => Layer.succeed(DropshipPolicy, policy)

/**
 * The policy from configuration: `BATON_DROPSHIP_DAY_MS` (the length of a lead-time day, 86400000
 * by default: shorten it only to compress time in tests and demonstrations) and
 * `BATON_DROPSHIP_AT_RISK_AFTER_MS` (from the first deadline to the second, two days by default).
 */
export const layerConfig: Layer.Layer<DropshipPolicy, ConfigError.ConfigError> = Layer.effect(
  DropshipPolicy,
  Config.all({
    day: millisBetween("BATON_DROPSHIP_DAY_MS", 1, 86_400_000, Duration.toMillis(defaultPolicy.day)),
    atRiskAfter: millisBetween("BATON_DROPSHIP_AT_RISK_AFTER_MS", 0, 31_536_000_000, Duration.toMillis(defaultPolicy.atRiskAfter))
  })
)
