import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { dispatchDue } from "../../../src/orchestration/outbox/dispatchDue.js"
import { Outbox } from "../../../src/orchestration/outbox/Outbox.js"
import { AuditReader, sqlAdapterFamilies } from "../../support/Adapters.js"
import { actionOf, dispatchOptions, recordAudits } from "../../support/Dispatch.js"

/** The actions in the audit log, in append order. */
const logged = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ readonly action: string }>`SELECT action FROM baton_audit_log ORDER BY chain_seq`
  return rows.map((row) => row.action)
}).pipe(Effect.orDie)

/** Makes the database refuse audit records of the action `refused`, as a constraint would. */
const refuseInDatabase = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.zipRight(
        sql.unsafe(`CREATE FUNCTION baton_test_refuse() RETURNS trigger AS $$
          BEGIN IF NEW.action = 'refused' THEN RAISE EXCEPTION 'record refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`),
        sql.unsafe(`CREATE TRIGGER baton_test_refuse BEFORE INSERT ON baton_audit_log FOR EACH ROW EXECUTE FUNCTION baton_test_refuse()`)
      ),
    orElse: () =>
      sql.unsafe(`CREATE TRIGGER baton_test_refuse BEFORE INSERT ON baton_audit_log
        WHEN NEW.action = 'refused' BEGIN SELECT RAISE(ABORT, 'record refused'); END`)
  })
}).pipe(Effect.orDie)

for (const family of sqlAdapterFamilies) {
  describe.skipIf(family.skip)(`dispatch rounds: ${family.name}`, () => {
    it.live("append a round's audit records with the claim, in their order, and leave nothing behind", () =>
      Effect.gen(function*() {
        yield* recordAudits(["first", "second", "third"])
        assert.strictEqual(yield* dispatchDue(dispatchOptions), 3)
        assert.deepStrictEqual(yield* logged, ["first", "second", "third"])
        assert.strictEqual((yield* (yield* AuditReader).ids).length, 3)
        assert.deepStrictEqual(yield* (yield* Outbox).stats, { pending: 0, dead: 0, oldestPendingAt: null })
      }).pipe(Effect.provide(family.layer)))

    it.live("a batch the database refuses is undone alone, and each record is settled on its own: only the refused one waits", () =>
      Effect.gen(function*() {
        yield* refuseInDatabase
        yield* recordAudits(["first", "refused", "third"])
        assert.strictEqual(yield* dispatchDue(dispatchOptions), 3)
        assert.deepStrictEqual(yield* logged, ["first", "third"])
        const waiting = yield* (yield* Outbox).list("pending", 10)
        assert.deepStrictEqual(waiting.map((listed) => [actionOf(listed.entry), listed.entry.attempts]), [["refused", 1]])
        assert.include(waiting[0]?.lastError ?? "", "AuditLog.append failed")
        assert.strictEqual(yield* dispatchDue(dispatchOptions), 0, "the refused record waits for its backoff")
      }).pipe(Effect.provide(family.layer)))
  })
}
