import * as DurableDeferred from "@effect/workflow/DurableDeferred"
import * as Workflow from "@effect/workflow/Workflow"
import { DateTime, Effect, Schema } from "effect"
import { RmaConcluded } from "../../domain/returns/ReturnOutcomes.js"
import { type Rma, RmaId } from "../../domain/returns/Rma.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { RepositoryError } from "../shared/RepositoryError.js"

/** One RMA's run: the tenant, the RMA, and the instant (epoch ms) its goods must have arrived by (not part of its identity). */
export const RmaRun = Schema.Struct({ tenantId: TenantId, rmaId: RmaId, receiveBy: Schema.Number })
export type RmaRun = typeof RmaRun.Type

/**
 * The durable workflow of an authorised RMA, one execution per tenant and RMA: it waits for the
 * goods (a durable timer ends the wait at the end of the return window: `Expired`), then for
 * the inspection, then settles (credit note or replacement line, stock movements) and closes.
 * Business outcomes are success values; it fails only when the stores stay unreachable.
 */
export const RmaWorkflow = Workflow.make({
  name: "returns.rma",
  payload: RmaRun,
  success: RmaConcluded,
  error: RepositoryError,
  idempotencyKey: ({ rmaId, tenantId }) => JSON.stringify([tenantId, rmaId])
})

/** Resumes the wait for the goods: the receipt is recorded on the RMA. */
export const Arrived = DurableDeferred.make("arrived")
/** Resumes the wait for the inspection: it is recorded on the RMA. */
export const Inspected = DurableDeferred.make("inspected")

/** Who acts in the workflow's steps (audited as `system:returns.workflow`). */
export const workflowActor = new SystemActor({ component: "returns.workflow" })

/** The run of an authorised RMA. */
export const runOf = (tenantId: TenantId, rma: Rma): RmaRun => ({
  tenantId,
  rmaId: rma.id,
  receiveBy: rma.receiveBy === undefined ? 0 : DateTime.toEpochMillis(rma.receiveBy)
})

/**
 * Wakes the RMA's workflow where it waits (`Arrived` or `Inspected`). The RMA's stored state is
 * the truth and the workflow reads it; the signal only resumes it, and signalling twice is harmless.
 */
export const wake = (tenantId: TenantId, rmaId: RmaId, deferred: typeof Arrived) =>
  Effect.flatMap(RmaWorkflow.executionId({ tenantId, rmaId, receiveBy: 0 }), (executionId) =>
    DurableDeferred.succeed(deferred, { token: DurableDeferred.tokenFromExecutionId(deferred, { workflow: RmaWorkflow, executionId }), value: undefined }))
