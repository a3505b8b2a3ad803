import { Effect, Layer, Option } from "effect"
import type { ReceivableDocument } from "../../domain/supply/Receivable.js"
import { Receivables } from "../../orchestration/supply/Receivables.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { MemoryDatabase } from "./MemoryDatabase.js"
import { tenantTable } from "./MemoryTenantTable.js"

type Issued = { readonly created: boolean; readonly document: ReceivableDocument }

export const make = Effect.gen(function*() {
  const state = tenantTable<ReadonlyArray<ReceivableDocument>>(yield* MemoryDatabase, "supply.receivables", [])
  return Receivables.of({
    issue: (tenant, document) =>
      state.modify(tenant, (all): readonly [Option.Option<Issued>, ReadonlyArray<ReceivableDocument>] => {
        const existing = all.find((d) => d.key === document.key)
        if (existing !== undefined) return [Option.some({ created: false, document: existing }), all]
        // As in SQL: an id taken under another key is refused, never overwritten.
        return all.some((d) => d.id === document.id) ? [Option.none(), all] : [Option.some({ created: true, document }), [...all, document]]
      }).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.fail(new RepositoryError({ operation: "Receivables.issue", cause: new Error(`duplicate document id ${document.id}`) })),
          onSome: Effect.succeed
        }))
      ),
    find: (tenant, id) => Effect.map(state.get(tenant), (all) => Option.fromNullable(all.find((d) => d.id === id))),
    forSalesOrder: (tenant, salesOrderId) => Effect.map(state.get(tenant), (all) => all.filter((d) => d.salesOrderId === salesOrderId))
  })
})

export const layer: Layer.Layer<Receivables, never, MemoryDatabase> = Layer.effect(Receivables, make)
