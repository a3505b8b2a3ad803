import { Effect } from "effect"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { MemoryDatabase } from "./MemoryDatabase.js"

/** Per-tenant state in a memory table: one immutable value per tenant, copied on write. */
export interface TenantTable<S> {
  readonly get: (tenant: TenantId) => Effect.Effect<S>
  readonly update: (tenant: TenantId, f: (state: S) => S) => Effect.Effect<void>
  readonly modify: <B>(tenant: TenantId, f: (state: S) => readonly [B, S]) => Effect.Effect<B>
}

export const tenantTable = <S>(database: MemoryDatabase["Type"], name: string, empty: S): TenantTable<S> => {
  const table = database.table<ReadonlyMap<TenantId, S>>(name, new Map())
  return {
    get: (tenant) => Effect.map(table.get, (all) => all.get(tenant) ?? empty),
    update: (tenant, f) => table.update((all) => new Map(all).set(tenant, f(all.get(tenant) ?? empty))),
    modify: (tenant, f) =>
      table.modify((all) => {
        const [result, next] = f(all.get(tenant) ?? empty)
        return [result, new Map(all).set(tenant, next)] as const
      })
  }
}

/** A map with the values keyed anew (copy on write). */
export const putAll = <K, V>(map: ReadonlyMap<K, V>, values: ReadonlyArray<V>, key: (v: V) => K): ReadonlyMap<K, V> => {
  const next = new Map(map)
  for (const value of values) next.set(key(value), value)
  return next
}

/** Values of a map ordered by a string key. */
export const sortedBy = <V>(values: Iterable<V>, key: (v: V) => string): ReadonlyArray<V> =>
  [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
