import { type DateTime, Either, Schema } from "effect"
import { Rma, type RmaInspection, type RejectionReason, type RmaReceipt, RmaEvent, RmaId, RmaState, type SettledState } from "./Rma.js"

/** What happens to an RMA. Each event names who caused it and when. */
export type RmaTransitionEvent =
  | { readonly _tag: "Authorize"; readonly at: DateTime.Utc; readonly actor: string; readonly receiveBy: DateTime.Utc }
  | { readonly _tag: "Reject"; readonly at: DateTime.Utc; readonly actor: string; readonly reasons: ReadonlyArray<RejectionReason> }
  | { readonly _tag: "Receive"; readonly at: DateTime.Utc; readonly actor: string; readonly receipt: RmaReceipt }
  | { readonly _tag: "Expire"; readonly at: DateTime.Utc; readonly actor: string }
  | { readonly _tag: "Inspect"; readonly at: DateTime.Utc; readonly actor: string; readonly inspection: RmaInspection }
  | { readonly _tag: "Settle"; readonly at: DateTime.Utc; readonly actor: string; readonly state: SettledState }
  | { readonly _tag: "Close"; readonly at: DateTime.Utc; readonly actor: string }

export type RmaEventTag = RmaTransitionEvent["_tag"]

export const RmaAction = Schema.Literal("Authorize", "Reject", "Receive", "Expire", "Inspect", "Settle", "Close")

/** The event does not apply to the RMA in its current state (e.g. a receipt for an expired RMA). */
export class InvalidRmaTransition extends Schema.TaggedClass<InvalidRmaTransition>()("InvalidRmaTransition", {
  rmaId: RmaId,
  state: RmaState,
  action: RmaAction
}) {}

const settled: ReadonlySet<RmaState> = new Set(["Refunded", "Replaced", "ReturnedToVendor", "Scrapped"])

/**
 * The transition table: the state an event leads to from a state, or `undefined` when it does
 * not apply. `Settle` leads to the settled state it names.
 */
export const nextState = (state: RmaState, event: RmaEventTag, settledAs: SettledState = "Refunded"): RmaState | undefined => {
  switch (event) {
    case "Authorize":
      return state === "Requested" ? "Authorized" : undefined
    case "Reject":
      return state === "Requested" ? "Rejected" : undefined
    case "Receive":
      return state === "Authorized" ? "Received" : undefined
    case "Expire":
      return state === "Authorized" ? "Expired" : undefined
    case "Inspect":
      return state === "Received" ? "Inspected" : undefined
    case "Settle":
      return state === "Inspected" ? settledAs : undefined
    case "Close":
      return settled.has(state) ? "Closed" : undefined
  }
}

/** States no event leaves. */
export const isFinal = (state: RmaState): boolean => state === "Rejected" || state === "Expired" || state === "Closed"

const fieldsOf = (event: RmaTransitionEvent): Partial<ConstructorParameters<typeof Rma>[0]> => {
  switch (event._tag) {
    case "Authorize":
      return { receiveBy: event.receiveBy }
    case "Reject":
      return { rejection: event.reasons }
    case "Receive":
      return { receipt: event.receipt }
    case "Inspect":
      return { inspection: event.inspection }
    case "Expire":
    case "Settle":
    case "Close":
      return {}
  }
}

const noteOf = (event: RmaTransitionEvent): string | undefined =>
  event._tag === "Reject"
    ? event.reasons.map((r) => r.message).join("; ")
    : event._tag === "Inspect" && event.inspection.overrideReason !== undefined
    ? `disposition ${event.inspection.disposition} instead of ${event.inspection.ruled}: ${event.inspection.overrideReason}`
    : undefined

/** The pure transition function: the RMA after the event (one more history entry, version + 1), or why not. */
export const transition = (rma: Rma, event: RmaTransitionEvent): Either.Either<Rma, InvalidRmaTransition> => {
  const state = nextState(rma.state, event._tag, event._tag === "Settle" ? event.state : undefined)
  if (state === undefined) return Either.left(new InvalidRmaTransition({ rmaId: rma.id, state: rma.state, action: event._tag }))
  const note = noteOf(event)
  const entry = new RmaEvent({ state, at: event.at, actor: event.actor, ...(note === undefined ? {} : { note }) })
  return Either.right(new Rma({ ...rma, ...fieldsOf(event), state, version: rma.version + 1, history: [...rma.history, entry] }))
}

/** The RMA with a step's result recorded (credit note, replacement line, stock posted), version + 1. */
export const recordStep = (rma: Rma, fields: Pick<Partial<ConstructorParameters<typeof Rma>[0]>, "refund" | "replacement" | "stockPosted">): Rma =>
  new Rma({ ...rma, ...fields, version: rma.version + 1 })
