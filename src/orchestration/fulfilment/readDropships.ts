import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { DropshipState } from "../../domain/fulfilment/Dropship.js"
import { DropshipList, DropshipStatus } from "../../domain/fulfilment/DropshipOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import type { SalesOrderId } from "../../domain/supply/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Dropships } from "./Dropships.js"

/** A dropship line's fulfilment status (`supply.read`): state, escalation, deadlines, shipments, invoice, history. */
export const getDropship = fn("Fulfilment.getDropship")(function*(actor: Actor, tenantId: TenantId, salesOrderId: SalesOrderId, lineNo: number) {
  const refused = yield* authorize(actor, "supply.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const found = yield* (yield* Dropships).find(tenantId, salesOrderId, lineNo)
  return Option.match(found, {
    onNone: () => new NotFound({ entity: "dropship", id: `${salesOrderId}/${lineNo}` }),
    onSome: (dropship) => new DropshipStatus({ dropship })
  })
})

/** The tenant's dropships (`supply.read`), by sales order and line, narrowed to a state. */
export const listDropships = fn("Fulfilment.listDropships")(function*(actor: Actor, tenantId: TenantId, state?: DropshipState) {
  const refused = yield* authorize(actor, "supply.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  return new DropshipList({ dropships: yield* (yield* Dropships).list(tenantId, state === undefined ? {} : { states: [state] }) })
})
