import { reconcileDropships } from "../../orchestration/fulfilment/reconcileDropships.js"
import * as StartupReconciliation from "../workflow/StartupReconciliation.js"

/**
 * Wakes unsettled dropships once, as the layer starts (in the background): their workflows are
 * started again and their latest signals completed again, both harmless when nothing was lost.
 */
export const layer = (batch = 10_000) => StartupReconciliation.once("dropships", reconcileDropships(batch))
