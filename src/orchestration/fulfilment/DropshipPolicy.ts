import { Context } from "effect"
import type { EscalationPolicy } from "../../domain/fulfilment/Escalation.js"

/** How dropship deadlines follow from vendors' lead times (see `EscalationPolicy`). */
export class DropshipPolicy extends Context.Tag("baton/fulfilment/DropshipPolicy")<DropshipPolicy, EscalationPolicy>() {}
