import { Effect, Schema } from "effect"
import { InstallationJob, InstalledModule, JobId, JobState } from "../../domain/modules/InstallationJob.js"
import { SqlNullableNumber, SqlNumber } from "./SqlErrors.js"

/** The rows of `baton_module_jobs`, `baton_module_job_events` and `baton_tenant_modules`, as schemas. */

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
export const JobFromRow = Schema.transformOrFail(JobRow, InstallationJob, {
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

export const EventRow = Schema.Struct({
  seq: SqlNumber,
  at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber),
  state: JobState,
  step: SqlNumber,
  steps: SqlNumber,
  label: Schema.String,
  detail: Schema.NullOr(Schema.String)
})

export const InstalledRow = Schema.Struct({
  tenant_id: InstalledModule.fields.tenantId,
  name: InstalledModule.fields.name,
  version: Schema.String,
  job_id: JobId,
  as_dependency: SqlNumber,
  status: InstalledModule.fields.status,
  installed_at: Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)
})

