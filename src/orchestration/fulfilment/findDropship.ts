import { Effect, Option } from "effect"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { fn } from "../shared/Fn.js"
import type { DropshipRef } from "./DropshipWorkflow.js"
import { Dropships } from "./Dropships.js"

/** The record of a line whose workflow runs: it exists (the workflow starts after it is stored), or stored data is broken. */
export const findDropship = fn("Fulfilment.findDropship")(function*(ref: DropshipRef) {
  const found = yield* (yield* Dropships).find(ref.tenantId, ref.salesOrderId, ref.lineNo)
  if (Option.isNone(found)) return yield* Effect.die(new InvariantViolation({ message: `dropship ${ref.salesOrderId}/${ref.lineNo} is gone` }))
  return found.value
})
