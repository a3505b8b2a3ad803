import { Effect, Layer, Option } from "effect"
import type { TenantSnapshot } from "../../domain/modules/TenantSnapshot.js"
import { TenantStorage } from "../../orchestration/modules/TenantStorage.js"
import { MemoryDatabase } from "../memory/MemoryDatabase.js"
import { make as makeStorage } from "./SnapshotStorage.js"
import type { TenantDatabases } from "./TenantDatabases.js"

type Backups = ReadonlyMap<string, TenantSnapshot>

const keyOf = (jobId: string, attempt: number) => `${jobId}#${attempt}`

/** Tenants' storage with the backups in memory (rolled back with the memory transactions). */
export const make = Effect.gen(function*() {
  const backups = (yield* MemoryDatabase).table<Backups>("tenantBackups", new Map())
  return yield* makeStorage({
    keep: (_tenantId, jobId, attempt, snapshot) =>
      backups.update((all) => (all.has(keyOf(jobId, attempt)) ? all : new Map(all).set(keyOf(jobId, attempt), snapshot))),
    find: (jobId, attempt) => Effect.map(backups.get, (all) => Option.fromNullable(all.get(keyOf(jobId, attempt)))),
    discard: (jobId) => backups.update((all) => new Map([...all].filter(([key]) => !key.startsWith(`${jobId}#`))))
  })
})

export const layer: Layer.Layer<TenantStorage, never, MemoryDatabase | TenantDatabases> = Layer.effect(TenantStorage, make)
