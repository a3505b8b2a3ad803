import { DateTime, Either } from "effect"
import { addDays, type Day, daysBetween, toEpochDay } from "../supply/Calendar.js"
import type { SalesOrder, SalesOrderLine } from "../supply/Documents.js"
import { shippedQuantity } from "../supply/Documents.js"
import type { Item } from "../supply/MasterData.js"
import { holdsQuantity, RejectionReason, type Rma } from "./Rma.js"

/** What a customer (or an agent for them) asks to return. */
export interface ReturnRequest {
  readonly lineNo: number
  readonly quantity: number
  readonly reason: string
}

/** What the rules look at besides the request. */
export interface ReturnContext {
  readonly order: SalesOrder
  /** The line's item in the item master (absent when unknown). */
  readonly item: Item | undefined
  /** Earlier RMAs of the same sales order (any line, any state). */
  readonly earlier: ReadonlyArray<Pick<Rma, "lineNo" | "quantity" | "state">>
  readonly today: Day
  /** Days after delivery within which a return is accepted. */
  readonly windowDays: number
}

/** A request that passed every rule: the line, when it was delivered, and how many units remain returnable. */
export interface Eligible {
  readonly line: SalesOrderLine
  readonly deliveredOn: Day
  readonly returnable: number
}

/** The day the line was delivered: its latest shipment's delivery day, or its shipment day when not recorded. */
export const deliveredOn = (order: SalesOrder, lineNo: number): Day | undefined =>
  order.shipments
    .filter((s) => s.lineNo === lineNo)
    .map((s) => s.deliveredOn ?? s.shippedOn)
    .reduce<Day | undefined>((latest, d) => (latest === undefined || d > latest ? d : latest), undefined)

/** Units of a line already held by earlier RMAs (rejected and expired ones hold none). */
export const alreadyReturned = (earlier: ReturnContext["earlier"], lineNo: number): number =>
  earlier.filter((r) => r.lineNo === lineNo && holdsQuantity(r)).reduce((total, r) => total + r.quantity, 0)

/**
 * The authorisation rules of a return, all checked, every failure reported: the line exists;
 * the request comes within the return window from delivery; the item is returnable; the
 * quantity is at most shipped − already returned (across earlier RMAs of the line); a reason
 * is given.
 */
export const authorise = (request: ReturnRequest, context: ReturnContext): Either.Either<Eligible, ReadonlyArray<RejectionReason>> => {
  const reasons: Array<RejectionReason> = []
  const reject = (rule: RejectionReason["rule"], message: string) => reasons.push(new RejectionReason({ rule, message }))
  const line = context.order.lines.find((l) => l.lineNo === request.lineNo)
  const delivered = line === undefined ? undefined : deliveredOn(context.order, line.lineNo)
  const shipped = line === undefined ? 0 : shippedQuantity(context.order, line.lineNo)
  const returnable = Math.max(0, shipped - alreadyReturned(context.earlier, request.lineNo))
  if (line === undefined) reject("unknown-line", `sales order ${context.order.id} has no line ${request.lineNo}`)
  if (line !== undefined && delivered === undefined) reject("outside-window", `line ${request.lineNo} has not been delivered`)
  if (delivered !== undefined && daysBetween(delivered, context.today) > context.windowDays) {
    reject("outside-window", `delivered on ${delivered}: the ${context.windowDays}-day return window closed on ${addDays(delivered, context.windowDays)}`)
  }
  if (line !== undefined && context.item?.returnable !== true) {
    reject("not-returnable", context.item === undefined ? `item ${line.sku} is unknown` : `item ${line.sku} is not returnable`)
  }
  if (line !== undefined && request.quantity > returnable) {
    reject("quantity", `${request.quantity} requested, ${returnable} returnable (${shipped} shipped, ${shipped - returnable} already returned)`)
  }
  if (request.reason.trim() === "") reject("reason-required", "a reason is required")
  if (reasons.length > 0 || line === undefined || delivered === undefined) return Either.left(reasons)
  return Either.right({ line, deliveredOn: delivered, returnable })
}

/** The instant the return window ends: midnight (UTC) after its last day. Goods must arrive before it. */
export const receiveBy = (delivered: Day, windowDays: number): DateTime.Utc =>
  DateTime.unsafeMake((toEpochDay(delivered) + windowDays + 1) * 86_400_000)
