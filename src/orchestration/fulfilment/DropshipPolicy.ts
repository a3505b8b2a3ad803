import { Context } from "effect"
import { defaultPolicy, type EscalationPolicy } from "../../domain/fulfilment/Escalation.js"

/**
 * How dropship deadlines follow from vendors' lead times (see `EscalationPolicy`): configuration
 * rather than a port, so it has a default (24-hour lead-time days, at risk two days after the
 * first deadline) that a layer may replace (`ConfiguredDropshipPolicy`).
 */
export class DropshipPolicy extends Context.Reference<DropshipPolicy>()("baton/fulfilment/DropshipPolicy", {
  defaultValue: (): EscalationPolicy => defaultPolicy
}) {}
