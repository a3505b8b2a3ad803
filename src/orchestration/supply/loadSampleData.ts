import { Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { SupplyDataSet } from "../../domain/supply/DataSet.js"
import { SupplyDataLoaded } from "../../domain/supply/Outcomes.js"
import type { ReceiptInput } from "../../domain/supply/Receiving.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { loadSupplyData } from "./loadSupplyData.js"
import { postReceipt } from "./postReceipt.js"
import { Rollback, transactionally } from "./Rollback.js"

/** A sample: a data set, a receipt posted after it, and the movements that follow the receipt. */
export interface SupplySample {
  readonly base: SupplyDataSet
  readonly receipt: ReceiptInput
  readonly later: SupplyDataSet
}

/**
 * Loads a sample into a tenant, all or nothing, through the same orchestrators as any data:
 * `SupplyDataLoaded | AlreadyPosted` (the sample is there already) `| ValidationFailed | NotFound | Refusal`.
 */
export const loadSampleData = fn("Supply.loadSampleData")(function*(actor: Actor, tenant: TenantId, sample: SupplySample) {
  const refused = yield* authorize(actor, "supply.manage", AccessScope.tenant(tenant))
  if (Option.isSome(refused)) return refused.value
  return yield* transactionally(Effect.gen(function*() {
    const base = yield* loadSupplyData(actor, tenant, sample.base)
    if (base._tag !== "SupplyDataLoaded") return yield* new Rollback({ outcome: base })
    const posted = yield* postReceipt(actor, tenant, sample.receipt)
    if (posted._tag !== "ReceiptPosted") return yield* new Rollback({ outcome: posted })
    const later = yield* loadSupplyData(actor, tenant, sample.later)
    if (later._tag !== "SupplyDataLoaded") return yield* new Rollback({ outcome: later })
    return new SupplyDataLoaded({ counts: { ...base.counts, movements: (base.counts["movements"] ?? 0) + sample.receipt.lines.length + (later.counts["movements"] ?? 0), receipts: 1 } })
  }))
})
