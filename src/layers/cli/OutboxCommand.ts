import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Clock, Console, Effect } from "effect"
import { Outbox } from "../../orchestration/outbox/Outbox.js"

const status = Command.make("status", { limit: Options.integer("limit").pipe(Options.withDefault(20)) }, ({ limit }) =>
  Effect.gen(function*() {
    const outbox = yield* Outbox
    const stats = yield* outbox.stats
    const now = yield* Clock.currentTimeMillis
    yield* Console.log(
      `${stats.pending} pending, ${stats.dead} dead-lettered` +
        (stats.oldestPendingAt === null ? "" : `, oldest pending for ${Math.round((now - stats.oldestPendingAt) / 1000)} s`)
    )
    for (const dead of yield* outbox.list("dead", limit)) {
      yield* Console.log(`dead  ${dead.entry.id}  after ${dead.entry.attempts} attempts: ${dead.lastError ?? ""}`)
    }
  })).pipe(Command.withDescription("Show the outbox backlog and its dead letters"))

const replay = Command.make(
  "replay",
  { ids: Args.text({ name: "entry-id" }).pipe(Args.repeated), all: Options.boolean("all") },
  ({ all, ids }) =>
    Effect.gen(function*() {
      if (!all && ids.length === 0) return yield* Console.error("name the dead letters to replay, or pass --all")
      const replayed = yield* (yield* Outbox).replayDead(all ? "all" : ids, yield* Clock.currentTimeMillis)
      yield* Console.log(`${replayed} dead letter(s) pending again; the running service delivers them`)
    })
).pipe(Command.withDescription("Make dead letters pending again, with a fresh attempt budget"))

export const command = Command.make("outbox").pipe(
  Command.withDescription("Inspect the outbox and replay dead letters"),
  Command.withSubcommands([status, replay])
)
