import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { type InstallationJob, InstalledModule, inFlight, JobEvent, JobId, JobState } from "../../domain/modules/InstallationJob.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"
import { EventRow, InstalledRow, JobFromRow } from "./SqlInstallationRows.js"

/**
 * Installation jobs with their history, the modules installed per tenant, and the tenants'
 * installation locks, in the platform's SQL database. Two partial unique indexes (one live job per
 * tenant and module; one job per idempotency key) make concurrent creations answer the same job.
 */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const encodeJob = Schema.encode(JobFromRow)
  const jobs = (where: ReturnType<typeof sql.literal> | ReturnType<typeof sql>) =>
    SqlSchema.findAll({ Request: Schema.Void, Result: JobFromRow, execute: () => sql`SELECT * FROM baton_module_jobs ${where}` })(undefined)
  const first = (rows: ReadonlyArray<InstallationJob>) => Option.fromNullable(rows[0])

  const appendEvent = (job: InstallationJob, detail: Option.Option<string>) =>
    sql`INSERT INTO baton_module_job_events (job_id, seq, at, state, step, steps, label, detail)
      SELECT ${job.id}, COALESCE(MAX(seq), 0) + 1, ${DateTime.toEpochMillis(job.updatedAt)}, ${job.state}, ${job.step}, ${job.steps},
             ${job.stepLabel}, ${Option.getOrNull(detail)}
      FROM baton_module_job_events WHERE job_id = ${job.id}`

  const holderOf = (job: InstallationJob) =>
    Option.match(job.idempotencyKey, {
      onSome: (key) => jobs(sql`WHERE tenant_id = ${job.tenantId} AND idempotency_key = ${key}`),
      onNone: () => Effect.succeed<ReadonlyArray<InstallationJob>>([])
    }).pipe(
      Effect.flatMap((byKey) =>
        byKey.length > 0 ? Effect.succeed(byKey) : jobs(sql`WHERE tenant_id = ${job.tenantId} AND module = ${job.module}
          AND state NOT IN ('Failed', 'Uninstalled')`))
    )

  return Installations.of({
    create: (job) =>
      sql.withTransaction(Effect.gen(function*() {
        const inserted = yield* sql`INSERT INTO baton_module_jobs ${sql.insert(yield* encodeJob(job))} ON CONFLICT DO NOTHING RETURNING id`
        if (inserted.length > 0) {
          yield* appendEvent(job, Option.none())
          return { created: true, job }
        }
        const holder = first(yield* holderOf(job))
        return Option.isSome(holder) ? { created: false, job: holder.value } : yield* Effect.dieMessage(`job ${job.id} neither inserted nor held`)
      })).pipe(mapErrors("Installations.create")),
    find: (id) => jobs(sql`WHERE id = ${id}`).pipe(Effect.map(first), mapErrors("Installations.find")),
    findByKey: (tenantId, key) =>
      jobs(sql`WHERE tenant_id = ${tenantId} AND idempotency_key = ${key}`).pipe(Effect.map(first), mapErrors("Installations.findByKey")),
    latest: (tenantId, module) =>
      jobs(sql`WHERE tenant_id = ${tenantId} AND module = ${module} ORDER BY created_at DESC, id DESC LIMIT 1`).pipe(
        Effect.map(first),
        mapErrors("Installations.latest")
      ),
    save: (job, expected, detail) =>
      sql.withTransaction(Effect.gen(function*() {
        const row = yield* encodeJob(job)
        const { id: _id, ...changes } = row
        const updated = yield* sql`UPDATE baton_module_jobs SET ${sql.update(changes)}
          WHERE id = ${job.id} AND state = ${expected.state} AND queued = ${expected.queued ? 1 : 0} AND attempt = ${expected.attempt}
          RETURNING id`
        if (updated.length === 0) return false
        yield* appendEvent(job, detail)
        return true
      })).pipe(mapErrors("Installations.save")),
    history: (id) =>
      SqlSchema.findAll({
        Request: Schema.String,
        Result: EventRow,
        execute: (jobId) => sql`SELECT seq, at, state, step, steps, label, detail FROM baton_module_job_events WHERE job_id = ${jobId} ORDER BY seq`
      })(id).pipe(Effect.map((rows) => rows.map((r) => new JobEvent({ ...r, detail: Option.fromNullable(r.detail) }))), mapErrors("Installations.history")),
    queued: (limit) => jobs(sql`WHERE queued = 1 ORDER BY updated_at, id LIMIT ${limit}`).pipe(mapErrors("Installations.queued")),
    stale: (before, limit) =>
      jobs(sql`WHERE queued = 0 AND state IN ${sql.in(inFlight)} AND updated_at < ${DateTime.toEpochMillis(before)} ORDER BY updated_at LIMIT ${limit}`)
        .pipe(mapErrors("Installations.stale")),
    counts: SqlSchema.findAll({
      Request: Schema.Void,
      Result: Schema.Struct({ state: JobState, queued: SqlNumber, n: SqlNumber }),
      execute: () => sql`SELECT state, queued, COUNT(*) AS n FROM baton_module_jobs GROUP BY state, queued`
    })(undefined).pipe(
      Effect.map((rows) => {
        const byState = new Map<JobState, number>()
        for (const row of rows) byState.set(row.state, (byState.get(row.state) ?? 0) + row.n)
        return { byState, queued: rows.filter((r) => r.queued === 1).reduce((sum, r) => sum + r.n, 0) }
      }),
      mapErrors("Installations.counts")
    ),
    installed: (tenantId) =>
      SqlSchema.findAll({
        Request: Schema.String,
        Result: InstalledRow,
        execute: (tenant) => sql`SELECT * FROM baton_tenant_modules WHERE tenant_id = ${tenant} ORDER BY name`
      })(tenantId).pipe(
        Effect.map((rows) =>
          rows.map((r) =>
            new InstalledModule({
              tenantId: r.tenant_id,
              name: r.name,
              version: r.version,
              jobId: r.job_id,
              asDependency: r.as_dependency === 1,
              status: r.status,
              installedAt: r.installed_at
            })
          )
        ),
        mapErrors("Installations.installed")
      ),
    putInstalled: (m) =>
      sql`INSERT INTO baton_tenant_modules ${
        sql.insert({
          tenant_id: m.tenantId,
          name: m.name,
          version: m.version,
          job_id: m.jobId,
          as_dependency: m.asDependency ? 1 : 0,
          status: m.status,
          installed_at: DateTime.toEpochMillis(m.installedAt)
        })
      } ON CONFLICT (tenant_id, name) DO UPDATE SET version = excluded.version, job_id = excluded.job_id,
        as_dependency = excluded.as_dependency, status = excluded.status, installed_at = excluded.installed_at`.pipe(
        Effect.asVoid,
        mapErrors("Installations.putInstalled")
      ),
    removeInstalled: (tenantId, name) =>
      sql`DELETE FROM baton_tenant_modules WHERE tenant_id = ${tenantId} AND name = ${name}`.pipe(Effect.asVoid, mapErrors("Installations.removeInstalled")),
    lock: (tenantId, jobId, at) =>
      Effect.gen(function*() {
        yield* sql`INSERT INTO baton_module_tenant_locks ${sql.insert({ tenant_id: tenantId, job_id: jobId, acquired_at: DateTime.toEpochMillis(at) })}
          ON CONFLICT (tenant_id) DO NOTHING`
        const holder = yield* sql<{ job_id: string }>`SELECT job_id FROM baton_module_tenant_locks WHERE tenant_id = ${tenantId}`
        return holder[0]?.job_id === jobId
      }).pipe(mapErrors("Installations.lock")),
    unlock: (tenantId, jobId) =>
      sql`DELETE FROM baton_module_tenant_locks WHERE tenant_id = ${tenantId} AND job_id = ${jobId}`.pipe(Effect.asVoid, mapErrors("Installations.unlock")),
    lockHolder: (tenantId) =>
      sql<{ job_id: string }>`SELECT job_id FROM baton_module_tenant_locks WHERE tenant_id = ${tenantId}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (row) => JobId.make(row.job_id))),
        mapErrors("Installations.lockHolder")
      )
  })
})

export const layer: Layer.Layer<Installations, never, SqlClient.SqlClient> = Layer.effect(Installations, make)
