import type * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/** An auto-incrementing primary key, in each dialect's words. */
export const serialKey = (sql: SqlClient.SqlClient) =>
  sql.onDialectOrElse({
    pg: () => sql.literal("BIGSERIAL PRIMARY KEY"),
    orElse: () => sql.literal("INTEGER PRIMARY KEY AUTOINCREMENT")
  })

/** Refuses UPDATE and DELETE on a table (an append-only log), in each dialect's words. */
export const appendOnly = (sql: SqlClient.SqlClient, table: string) =>
  sql.onDialectOrElse({
    pg: () =>
      Effect.all([
        sql.unsafe(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`),
        sql.unsafe(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`)
      ]),
    orElse: () =>
      Effect.all([
        sql.unsafe(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
        sql.unsafe(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
      ])
  })
