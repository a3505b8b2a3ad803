import { Effect, Layer, Option } from "effect"
import { Tenant } from "../../domain/identity/Tenant.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

type Rows = ReadonlyMap<TenantId, Tenant>

export const make = Effect.gen(function*() {
  const rows = (yield* MemoryDatabase).table<Rows>("tenants", new Map())
  return Tenants.of({
    create: (tenant) => rows.modify((all) => (all.has(tenant.id) ? [false, all] : [true, new Map(all).set(tenant.id, tenant)])),
    find: (id) => Effect.map(rows.get, (all) => Option.fromNullable(all.get(id))),
    list: (only) =>
      Effect.map(rows.get, (all) =>
        [...all.values()].filter((t) => only === undefined || only.includes(t.id)).sort((a, b) => (a.id < b.id ? -1 : 1))),
    setStatus: (id, status) =>
      rows.update((all) => {
        const tenant = all.get(id)
        return tenant === undefined ? all : new Map(all).set(id, new Tenant({ ...tenant, status }))
      })
  })
})

export const layer: Layer.Layer<Tenants, never, MemoryDatabase> = Layer.effect(Tenants, make)
