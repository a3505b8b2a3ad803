import { Effect, Option } from "effect"
import type { TransferOrderId } from "../../domain/supply/Ids.js"
import { InvalidTransferTransition, type TransferEvent } from "../../domain/supply/TransferOrder.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { fn } from "../shared/Fn.js"
import { Warehouses } from "./Warehouses.js"

/** The refusal to give when another change moved the transfer first (its compare-and-set failed). */
export const transferConflict = fn("Supply.transferConflict")(function*(tenant: TenantId, id: TransferOrderId, action: TransferEvent["_tag"]) {
  const current = yield* (yield* Warehouses).transfer(tenant, id)
  if (Option.isNone(current)) return yield* Effect.die(new InvariantViolation({ message: `transfer ${id} vanished` }))
  return new InvalidTransferTransition({ transferId: id, status: current.value.status, action })
})
