import { Either, Schema } from "effect"
import { Day } from "./Calendar.js"
import { Sku, TransferOrderId, WarehouseId } from "./Ids.js"
import { PositiveQuantity } from "./MasterData.js"

/**
 * A transfer order's life: `reserved` (the quantity is held at the source) → `shipped` (it left
 * the source and is in transit) → `received` (it is in stock at the destination). A reserved
 * transfer may be `released` instead (cancelled, or its shipment refused): the hold ends.
 */
export const TransferStatus = Schema.Literal("reserved", "shipped", "received", "released")
export type TransferStatus = typeof TransferStatus.Type

export class TransferOrder extends Schema.Class<TransferOrder>("TransferOrder")({
  id: TransferOrderId,
  sku: Sku,
  from: WarehouseId,
  to: WarehouseId,
  quantity: PositiveQuantity,
  status: TransferStatus,
  createdOn: Day,
  expectedOn: Day,
  shippedOn: Schema.optional(Day),
  receivedOn: Schema.optional(Day),
  releaseReason: Schema.optional(Schema.String)
}) {}

export type TransferEvent =
  | { readonly _tag: "Ship"; readonly on: Day }
  | { readonly _tag: "Receive"; readonly on: Day }
  | { readonly _tag: "Release"; readonly reason: string }

/** The event does not apply to the transfer in its current status. */
export class InvalidTransferTransition extends Schema.TaggedClass<InvalidTransferTransition>()("InvalidTransferTransition", {
  transferId: TransferOrderId,
  status: TransferStatus,
  action: Schema.Literal("Ship", "Receive", "Release")
}) {}

/** The pure transition function of transfer orders. */
export const transition = (order: TransferOrder, event: TransferEvent): Either.Either<TransferOrder, InvalidTransferTransition> => {
  const refuse = () => Either.left(new InvalidTransferTransition({ transferId: order.id, status: order.status, action: event._tag }))
  switch (event._tag) {
    case "Ship":
      return order.status === "reserved" ? Either.right(new TransferOrder({ ...order, status: "shipped", shippedOn: event.on })) : refuse()
    case "Receive":
      return order.status === "shipped" ? Either.right(new TransferOrder({ ...order, status: "received", receivedOn: event.on })) : refuse()
    case "Release":
      return order.status === "reserved"
        ? Either.right(new TransferOrder({ ...order, status: "released", releaseReason: event.reason }))
        : refuse()
  }
}

/** What a transfer holds at its source: its quantity while reserved. */
export const reservedAtSource = (order: TransferOrder): number => (order.status === "reserved" ? order.quantity : 0)

/** What a transfer will bring to its destination: its quantity while reserved or in transit. */
export const inboundToDestination = (order: TransferOrder): number =>
  order.status === "reserved" || order.status === "shipped" ? order.quantity : 0
