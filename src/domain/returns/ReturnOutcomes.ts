import { Schema } from "effect"
import { Money } from "../supply/Money.js"
import { RejectionReason, Rma, RmaId } from "./Rma.js"

/** The return was authorised: the goods may be sent back until `rma.receiveBy`. */
export class RmaAuthorized extends Schema.TaggedClass<RmaAuthorized>()("RmaAuthorized", { rma: Rma }) {}

/** The return broke one or more authorisation rules, every one listed. The RMA is kept, rejected. */
export class Rejected extends Schema.TaggedClass<Rejected>()("Rejected", {
  rmaId: RmaId,
  reasons: Schema.NonEmptyArray(RejectionReason)
}) {}

/** The money of an RMA: what it refunds (unit price × quantity) and what was credited so far. */
export class RmaAmounts extends Schema.Class<RmaAmounts>("RmaAmounts")({
  refund: Money,
  credited: Money
}) {}

/** An RMA with its state, history and amounts. */
export class RmaView extends Schema.TaggedClass<RmaView>()("RmaView", { rma: Rma, amounts: RmaAmounts }) {}

/** A page of RMAs, oldest first; `nextCursor` continues after the last one when there may be more. */
export class RmaList extends Schema.TaggedClass<RmaList>()("RmaList", {
  rmas: Schema.Array(Rma),
  nextCursor: Schema.optional(RmaId)
}) {}

/** The goods arrived and were recorded; the RMA's workflow goes on to inspection. */
export class ReceiptRecorded extends Schema.TaggedClass<ReceiptRecorded>()("ReceiptRecorded", { rma: Rma }) {}

/** The inspection was recorded with its disposition; the RMA's workflow settles it. */
export class InspectionRecorded extends Schema.TaggedClass<InspectionRecorded>()("InspectionRecorded", { rma: Rma }) {}

/** How an RMA's workflow ended: closed after its settlement, or expired with nothing received. */
export class RmaConcluded extends Schema.TaggedClass<RmaConcluded>()("RmaConcluded", {
  rmaId: RmaId,
  state: Schema.Literal("Closed", "Expired")
}) {}
