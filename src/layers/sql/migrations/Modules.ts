import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/**
 * Modules: the registry, installation jobs with their history, the modules installed per tenant,
 * the per-tenant installation lock, the ledger of landlord migrations run by modules, and the
 * backups of tenants' storage kept while a job runs. Tenants' own tables live in their own storage.
 */
export const landlordLedger = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE IF NOT EXISTS baton_module_landlord_migrations (
    module TEXT NOT NULL,
    migration TEXT NOT NULL,
    version TEXT NOT NULL,
    applied_at BIGINT NOT NULL,
    PRIMARY KEY (module, migration)
  )`
})

export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0020_modules": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_module_registry (
      name TEXT NOT NULL,
      version TEXT NOT NULL,
      status TEXT NOT NULL,
      manifest TEXT NOT NULL,
      registered_at BIGINT NOT NULL,
      changed_at BIGINT NOT NULL,
      PRIMARY KEY (name, version)
    )`
    yield* sql`CREATE TABLE baton_module_jobs (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      module TEXT NOT NULL,
      version TEXT NOT NULL,
      version_range TEXT NOT NULL,
      from_version TEXT,
      operation TEXT NOT NULL,
      state TEXT NOT NULL,
      queued INTEGER NOT NULL,
      attempt INTEGER NOT NULL,
      step INTEGER NOT NULL,
      steps INTEGER NOT NULL,
      step_label TEXT NOT NULL,
      error TEXT,
      requested_by TEXT NOT NULL,
      idempotency_key TEXT,
      plan TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      started_at BIGINT,
      finished_at BIGINT
    )`
    yield* sql`CREATE UNIQUE INDEX baton_module_jobs_live ON baton_module_jobs (tenant_id, module)
      WHERE state NOT IN ('Failed', 'Uninstalled')`
    yield* sql`CREATE UNIQUE INDEX baton_module_jobs_key ON baton_module_jobs (tenant_id, idempotency_key)
      WHERE idempotency_key IS NOT NULL`
    yield* sql`CREATE INDEX baton_module_jobs_queue ON baton_module_jobs (queued, updated_at)`
    yield* sql`CREATE INDEX baton_module_jobs_tenant ON baton_module_jobs (tenant_id, module, created_at)`
    yield* sql`CREATE TABLE baton_module_job_events (
      job_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      at BIGINT NOT NULL,
      state TEXT NOT NULL,
      step INTEGER NOT NULL,
      steps INTEGER NOT NULL,
      label TEXT NOT NULL,
      detail TEXT,
      PRIMARY KEY (job_id, seq)
    )`
    yield* sql`CREATE TABLE baton_tenant_modules (
      tenant_id TEXT NOT NULL,
      name TEXT NOT NULL,
      version TEXT NOT NULL,
      job_id TEXT NOT NULL,
      as_dependency INTEGER NOT NULL,
      status TEXT NOT NULL,
      installed_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, name)
    )`
    yield* sql`CREATE TABLE baton_module_tenant_locks (
      tenant_id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL,
      acquired_at BIGINT NOT NULL
    )`
    yield* landlordLedger
    yield* sql`CREATE TABLE baton_tenant_backups (
      job_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      tenant_id TEXT NOT NULL,
      taken_at BIGINT NOT NULL,
      snapshot TEXT NOT NULL,
      PRIMARY KEY (job_id, attempt)
    )`
  })
}
