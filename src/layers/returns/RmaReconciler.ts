import { reconcileRmas } from "../../orchestration/returns/reconcileRmas.js"
import * as StartupReconciliation from "../workflow/StartupReconciliation.js"

/**
 * Wakes RMAs whose workflow waits once, as the layer starts (in the background): their workflows
 * are started again and the signals their states imply completed again, both harmless when
 * nothing was lost.
 */
export const layer = (batch = 10_000) => StartupReconciliation.once("RMAs", reconcileRmas(batch))
