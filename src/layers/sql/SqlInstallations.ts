import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { InstallationJob, InstalledModule, inFlight, JobEvent, JobId, JobState } from "../../domain/modules/InstallationJob.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { mapErrors, SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

const JobRow = Schema.Struct({
  id: Schema.String,
  tenant_id: Schema.String,
  module: Schema.String,
  version: Schema.String,
  version_range: Schema.String,
  from_version: Schema.NullOr(Schema.String),
  operation: Schema.String,
  state: Schema.String,
  queued: SqlNumber,
  attempt: SqlNumber,
  step: SqlNumber,
  steps: SqlNumber,
  step_label: Schema.String,
  error: Schema.NullOr(Schema.String),
  requested_by: Schema.parseJson(),
  idempotency_key: Schema.NullOr(Schema.String),
  plan: Schema.NullOr(Schema.parseJson()),
  created_at: SqlNumber,
  updated_at: SqlNumber,
  started_at: SqlNullableNumber,
  finished_at: SqlNullableNumber
})

const iso = (ms: number) => new Date(ms).toISOString()
const millis = (value: string) => Date.parse(value)

/** A stored job, decoded from its row (a row that does not decode is a defect, mapped at the edge). */
const JobFromRow = Schema.transformOrFail(JobRow, InstallationJob, {
  strict: true,
  decode: (row) =>
    Effect.succeed({
      id: row.id,
      tenantId: row.tenant_id,
      module: row.module,
      version: row.version,
      range: row.version_range,
      fromVersion: row.from_version,
      operation: row.operation,
      state: row.state,
      queued: row.queued === 1,
      attempt: row.attempt,
      step: row.step,
      steps: row.steps,
      stepLabel: row.step_label,
      error: row.error,
      requestedBy: row.requested_by,
      idempotencyKey: row.idempotency_key,
      plan: row.plan,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      startedAt: row.started_at === null ? null : iso(row.started_at),
      finishedAt: row.finished_at === null ? null : iso(row.finished_at)
    } as typeof InstallationJob.Encoded),
  encode: (job) =>
    Effect.succeed({
      id: job.id,
      tenant_id: job.tenantId,
      module: job.module,
      version: job.version,
      version_range: job.range,
      from_version: job.fromVersion,
      operation: job.operation,
      state: job.state,
      queued: job.queued ? 1 : 0,
      attempt: job.attempt,
      step: job.step,
      steps: job.steps,
      step_label: job.stepLabel,
      error: job.error,
      requested_by: job.requestedBy,
      idempotency_key: job.idempotencyKey,
      plan: job.plan,
      created_at: millis(job.createdAt),
      updated_at: millis(job.updatedAt),
      started_at: job.startedAt === null ? null : millis(job.startedAt),
      finished_at: job.finishedAt === null ? null : millis(job.finishedAt)
    })
})

const EventRow = Schema.Struct({
  seq: SqlNumber,
  at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber),
  state: JobState,
  step: SqlNumber,
  steps: SqlNumber,
  label: Schema.String,
  detail: Schema.NullOr(Schema.String)
})

const InstalledRow = Schema.Struct({
  tenant_id: InstalledModule.fields.tenantId,
  name: InstalledModule.fields.name,
  version: Schema.String,
  job_id: JobId,
  as_dependency: SqlNumber,
  status: InstalledModule.fields.status,
  installed_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
})

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
