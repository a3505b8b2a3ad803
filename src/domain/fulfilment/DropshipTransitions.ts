import { type DateTime, Either, Match, Schema } from "effect"
import { Dropship, DropshipState, HistoryEntry, remainingOf } from "./Dropship.js"
import type { DropshipEvent } from "./DropshipEvents.js"

/** The event does not apply in the dropship's state; nothing changed. */
export class InvalidDropshipTransition extends Schema.TaggedClass<InvalidDropshipTransition>()("InvalidDropshipTransition", {
  state: DropshipState,
  event: Schema.String,
  reason: Schema.String
}) {}

/** More was confirmed than the line still needs: refused, nothing recorded. */
export class OverShipment extends Schema.TaggedClass<OverShipment>()("OverShipment", {
  remaining: Schema.Int,
  confirmed: Schema.Int
}) {}

/** The line has shipped (in part or in full): it can no longer be cancelled; the return path applies. */
export class AlreadyShipped extends Schema.TaggedClass<AlreadyShipped>()("AlreadyShipped", {
  shipped: Schema.Int
}) {}

export type TransitionRefusal = InvalidDropshipTransition | OverShipment | AlreadyShipped

const shippedStates: ReadonlyArray<DropshipState> = ["PartiallyShipped", "Shipped", "Fulfilled"]

const invalid = (dropship: Dropship, event: DropshipEvent, reason: string) =>
  Either.left(new InvalidDropshipTransition({ state: dropship.state, event: event._tag, reason }))

const note = (event: DropshipEvent): string | undefined =>
  Match.valueTags(event, {
    PurchaseOrderPlaced: () => undefined,
    ShipmentConfirmed: ({ shipment }) => `${shipment.quantity} by ${shipment.carrier} ${shipment.trackingNumber}`,
    VendorRejection: ({ reason }) => reason,
    DeadlinePassed: ({ level }) => level,
    CancellationRequested: ({ reason }) => reason,
    Invoiced: ({ invoiceId }) => invoiceId
  })

const next = (dropship: Dropship, event: DropshipEvent, at: DateTime.Utc, changes: Partial<Dropship>): Either.Either<Dropship, TransitionRefusal> => {
  const entryNote = note(event)
  return Either.right(
    new Dropship({
      ...dropship,
      ...changes,
      history: [...dropship.history, new HistoryEntry({ at, event: event._tag, ...(entryNote === undefined ? {} : { note: entryNote }) })],
      updatedAt: at,
      version: dropship.version + 1
    })
  )
}

/**
 * The dropship state machine: the record after `event` at `at`, or why the event does not apply.
 * Confirmations accumulate (`PartiallyShipped` until the line's quantity is reached; more is
 * refused as `OverShipment`); deadlines only escalate (`none` → `overdue` → `atRisk`) while the
 * vendor's confirmation is awaited; a cancellation is refused with `AlreadyShipped` once any
 * quantity shipped. Outside events (confirmations, rejection, cancellation) count as `signals`.
 */
export const transition = (dropship: Dropship, event: DropshipEvent, at: DateTime.Utc): Either.Either<Dropship, TransitionRefusal> => {
  const { state } = dropship
  const awaiting = state === "AwaitingVendor" || state === "PartiallyShipped"
  switch (event._tag) {
    case "PurchaseOrderPlaced":
      return state === "Placing" ? next(dropship, event, at, { state: "AwaitingVendor", deadlines: event.deadlines }) : invalid(dropship, event, "already placed or closed")
    case "ShipmentConfirmed": {
      if (!awaiting) return invalid(dropship, event, "no confirmation is awaited")
      const remaining = remainingOf(dropship)
      if (event.shipment.quantity > remaining) return Either.left(new OverShipment({ remaining, confirmed: event.shipment.quantity }))
      return next(dropship, event, at, {
        state: event.shipment.quantity === remaining ? "Shipped" : "PartiallyShipped",
        shipments: [...dropship.shipments, event.shipment],
        signals: dropship.signals + 1
      })
    }
    case "VendorRejection":
      if (state === "PartiallyShipped") return Either.left(new AlreadyShipped({ shipped: dropship.line.quantity - remainingOf(dropship) }))
      return state === "AwaitingVendor"
        ? next(dropship, event, at, { state: "VendorRejected", reason: event.reason, signals: dropship.signals + 1 })
        : invalid(dropship, event, "no confirmation is awaited")
    case "DeadlinePassed": {
      if (!awaiting) return invalid(dropship, event, "no confirmation is awaited")
      const reached = event.level === "overdue" ? dropship.escalation === "none" : dropship.escalation !== "atRisk"
      return reached ? next(dropship, event, at, { escalation: event.level }) : invalid(dropship, event, `already ${dropship.escalation}`)
    }
    case "CancellationRequested":
      if (shippedStates.includes(state)) return Either.left(new AlreadyShipped({ shipped: dropship.line.quantity - remainingOf(dropship) }))
      return state === "Placing" || state === "AwaitingVendor"
        ? next(dropship, event, at, { state: "Cancelled", reason: event.reason, signals: dropship.signals + 1 })
        : invalid(dropship, event, "already closed")
    case "Invoiced":
      return state === "Shipped" ? next(dropship, event, at, { state: "Fulfilled", invoiceId: event.invoiceId }) : invalid(dropship, event, "not fully shipped")
  }
}
