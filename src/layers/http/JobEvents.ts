import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { DateTime, Duration, Effect, Schedule, Schema, Stream } from "effect"
import { isSettled, type JobId, JobView } from "../../domain/modules/InstallationJob.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { getJob } from "../../orchestration/modules/getJob.js"

const encodeView = Schema.encode(JobView)

const statusOf = (tag: string) => (tag === "NotFound" ? 404 : 403)

const sameProgress = (a: JobView, b: JobView) => DateTime.Equivalence(a.job.updatedAt, b.job.updatedAt) && a.history.length === b.history.length

const event = (name: string, id: number | undefined, data: unknown) =>
  `event: ${name}\n${id === undefined ? "" : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`

/**
 * `GET /installation-jobs/{id}/events`: Server-Sent Events read from the job record (the same one
 * the status endpoint and the CLI read). A `progress` event carries the job and its history each
 * time the record changes (looked at every `every`), then an `end` event once it settles; an
 * outage mid-stream ends it with an `error` event. Refusals answer as JSON with their status.
 */
export const jobEvents = (actor: Actor, id: JobId, every: Duration.DurationInput = Duration.millis(200)) =>
  Effect.gen(function*() {
    const context = yield* Effect.context<Effect.Effect.Context<ReturnType<typeof getJob>>>()
    const first = yield* getJob(actor, id)
    if (first._tag !== "JobView") return HttpServerResponse.unsafeJson(first, { status: statusOf(first._tag) })
    const views = Stream.repeatEffectWithSchedule(getJob(actor, id), Schedule.spaced(every)).pipe(
      Stream.filter((view): view is JobView => view._tag === "JobView"),
      Stream.changesWith(sameProgress),
      Stream.takeUntil((view) => isSettled(view.job.state, view.job.queued)),
      Stream.mapEffect((view) => Effect.map(encodeView(view), (encoded) => event("progress", view.history.length, encoded))),
      Stream.concat(Stream.make(event("end", undefined, {}))),
      Stream.catchAll((error) => Stream.make(event("error", undefined, { message: error.message }))),
      Stream.encodeText,
      Stream.provideContext(context)
    )
    return HttpServerResponse.stream(views, { contentType: "text/event-stream", headers: { "cache-control": "no-cache" } })
  })
