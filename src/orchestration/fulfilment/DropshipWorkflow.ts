import * as DurableDeferred from "@effect/workflow/DurableDeferred"
import * as Workflow from "@effect/workflow/Workflow"
import { Effect, Exit, Schema } from "effect"
import { LineNo } from "../../domain/fulfilment/Dropship.js"
import { DropshipOutcome } from "../../domain/fulfilment/DropshipOutcomes.js"
import { SalesOrderId } from "../../domain/supply/Ids.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { RepositoryError } from "../shared/RepositoryError.js"

/** The dropship line a workflow fulfils. */
export const DropshipRef = Schema.Struct({ tenantId: TenantId, salesOrderId: SalesOrderId, lineNo: LineNo })
export type DropshipRef = typeof DropshipRef.Type

/**
 * The durable dropship fulfilment of one sales order line: one execution per line (its natural
 * key), so starting it again joins the running execution or answers its stored outcome. It
 * succeeds with the outcome (`Fulfilled | Cancelled | VendorRejected`) and fails only on
 * infrastructure.
 */
export const DropshipWorkflow = Workflow.make({
  name: "baton/fulfilment/Dropship",
  payload: DropshipRef,
  success: DropshipOutcome,
  error: RepositoryError,
  idempotencyKey: ({ lineNo, salesOrderId, tenantId }) => JSON.stringify([tenantId, salesOrderId, lineNo])
})

/**
 * The n-th outside event of a dropship (a confirmation, the rejection, the cancellation): the
 * workflow waits for signal `signals + 1` of the record it last read.
 */
export const signalOf = (n: number) => DurableDeferred.make(`signal-${n}`)

/**
 * Wakes the line's workflow for its n-th outside event, recorded beforehand. Completing a signal
 * twice is harmless (the engine keeps the first), as is completing one the workflow already saw.
 */
export const signalDropship = (ref: DropshipRef, n: number) =>
  Effect.gen(function*() {
    const deferred = signalOf(n)
    const token = yield* DurableDeferred.tokenFromPayload(deferred, { workflow: DropshipWorkflow, payload: ref })
    yield* DurableDeferred.done(deferred, { token, exit: Exit.void })
  })
