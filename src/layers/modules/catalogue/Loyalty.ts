import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { defineModule } from "../ModuleDefinition.js"

/** Loyalty points on digital cards: every card gets an account (those issued before too). */
export const Loyalty_1_0_0 = defineModule({
  name: "Loyalty",
  version: "1.0.0",
  title: "Loyalty points",
  dependencies: { DigitalCard: "^1.0.0", Contacts: "^1.0.0" },
  entitlement: "loyalty",
  landlordMigrations: [{
    id: "0001_tiers",
    up: Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE baton_loyalty_tiers (key TEXT PRIMARY KEY, threshold INTEGER NOT NULL)`
      yield* sql`INSERT INTO baton_loyalty_tiers ${sql.insert([{ key: "bronze", threshold: 0 }, { key: "silver", threshold: 500 }, { key: "gold", threshold: 2000 }])}`
    }),
    down: Effect.flatMap(SqlClient.SqlClient, (sql) => sql`DROP TABLE baton_loyalty_tiers`)
  }],
  tenantMigrations: [{
    id: "0001_accounts",
    tables: ["loyalty_accounts"],
    up: ({ sql, table }) =>
      sql`CREATE TABLE ${table("loyalty_accounts")} (
        card_id TEXT PRIMARY KEY REFERENCES ${table("digital_cards")} (id),
        points INTEGER NOT NULL,
        tier TEXT NOT NULL
      )`.pipe(Effect.asVoid),
    down: ({ sql, table }) => sql`DROP TABLE ${table("loyalty_accounts")}`.pipe(Effect.asVoid)
  }],
  setup: ({ sql, table }) =>
    sql`INSERT INTO ${table("loyalty_accounts")} (card_id, points, tier)
        SELECT id, 0, 'bronze' FROM ${table("digital_cards")}`.pipe(Effect.asVoid),
  teardown: ({ sql, table }) => sql`DELETE FROM ${table("loyalty_accounts")}`.pipe(Effect.asVoid)
})
