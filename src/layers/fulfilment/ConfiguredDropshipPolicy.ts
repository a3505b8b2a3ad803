import { Config, type ConfigError, Duration, Layer } from "effect"
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
    day: Config.integer("BATON_DROPSHIP_DAY_MS").pipe(
      Config.validate({ message: "must be between 1 and 86400000", validation: (n) => n >= 1 && n <= 86_400_000 }),
      Config.withDefault(Duration.toMillis(defaultPolicy.day)),
      Config.map(Duration.millis)
    ),
    atRiskAfter: Config.integer("BATON_DROPSHIP_AT_RISK_AFTER_MS").pipe(
      Config.validate({ message: "must be between 0 and 31536000000", validation: (n) => n >= 0 && n <= 31_536_000_000 }),
      Config.withDefault(Duration.toMillis(defaultPolicy.atRiskAfter)),
      Config.map(Duration.millis)
    )
  })
)
