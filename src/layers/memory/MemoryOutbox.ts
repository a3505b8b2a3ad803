import { Clock, Effect, Layer } from "effect"
import { OutboxEntry } from "../../domain/outbox/OutboxEntry.js"
import { type EntryStatus, Outbox } from "../../orchestration/outbox/Outbox.js"
import { MemoryDatabase } from "./MemoryDatabase.js"

interface Row {
  readonly seq: number
  readonly entry: OutboxEntry
  readonly status: EntryStatus
  readonly createdAt: number
  readonly nextAttemptAt: number
  readonly lastError: string | null
}

interface State {
  readonly seq: number
  readonly rows: ReadonlyMap<string, Row>
}

const ordered = (state: State) => [...state.rows.values()].sort((a, b) => a.seq - b.seq)

const change = (state: State, id: string, f: (row: Row) => Row | undefined): State => {
  const row = state.rows.get(id)
  if (row === undefined) return state
  const rows = new Map(state.rows)
  const next = f(row)
  if (next === undefined) rows.delete(id)
  else rows.set(id, next)
  return { ...state, rows }
}

export const make = Effect.gen(function*() {
  const state = (yield* MemoryDatabase).table<State>("outbox", { seq: 0, rows: new Map() })
  return Outbox.of({
    append: (entries) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        state.update((s) => {
          const rows = new Map(s.rows)
          let seq = s.seq
          for (const entry of entries) {
            if (rows.has(entry.id)) continue
            seq += 1
            rows.set(entry.id, { seq, entry, status: "pending", createdAt: now, nextAttemptAt: now, lastError: null })
          }
          return { seq, rows }
        })),
    claimDue: ({ leaseUntil, limit, now }) =>
      state.modify((s) => {
        const due = ordered(s).filter((row) => row.status === "pending" && row.nextAttemptAt <= now).slice(0, limit)
        const next = due.reduce((acc, row) => change(acc, row.entry.id, (r) => ({ ...r, nextAttemptAt: leaseUntil })), s)
        return [due.map((row) => row.entry), next] as const
      }),
    markDelivered: (ids) => state.update((s) => ids.reduce((acc, id) => change(acc, id, () => undefined), s)),
    reschedule: (id, attempts, at, error) =>
      state.update((s) =>
        change(s, id, (r) => ({ ...r, entry: new OutboxEntry({ ...r.entry, attempts }), nextAttemptAt: at, lastError: error }))
      ),
    deadLetter: (id, attempts, error) =>
      state.update((s) =>
        change(s, id, (r) => ({ ...r, entry: new OutboxEntry({ ...r.entry, attempts }), status: "dead", lastError: error }))
      ),
    replayDead: (ids, now) =>
      state.modify((s) => {
        const dead = ordered(s).filter((row) => row.status === "dead" && (ids === "all" || ids.includes(row.entry.id)))
        const next = dead.reduce(
          (acc, row) =>
            change(acc, row.entry.id, (r) => ({ ...r, entry: new OutboxEntry({ ...r.entry, attempts: 0 }), status: "pending", nextAttemptAt: now })),
          s
        )
        return [dead.length, next] as const
      }),
    list: (status, limit) =>
      Effect.map(state.get, (s) =>
        ordered(s)
          .filter((row) => row.status === status)
          .slice(0, limit)
          .map(({ entry, lastError, nextAttemptAt, status }) => ({ entry, status, nextAttemptAt, lastError }))),
    stats: Effect.map(state.get, (s) => {
      const rows = ordered(s)
      const pending = rows.filter((row) => row.status === "pending")
      const lagging = pending.filter((row) => !row.entry.destination.startsWith("endpoint:"))
      return {
        pending: pending.length,
        dead: rows.length - pending.length,
        oldestPendingAt: lagging.length === 0 ? null : Math.min(...lagging.map((row) => row.createdAt))
      }
    })
  })
})

export const layer: Layer.Layer<Outbox, never, MemoryDatabase> = Layer.effect(Outbox, make)
