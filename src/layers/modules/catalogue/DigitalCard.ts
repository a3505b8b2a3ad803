import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { defineModule, type LandlordMigrationSpec, type TenantMigrationSpec, type TenantWork } from "../ModuleDefinition.js"

/** The platform-wide designs a card template may use (landlord storage, once per platform). */
const designs: LandlordMigrationSpec = {
  id: "0001_designs",
  up: Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_digital_card_designs (key TEXT PRIMARY KEY, title TEXT NOT NULL)`
    yield* sql`INSERT INTO baton_digital_card_designs ${
      sql.insert([{ key: "classic", title: "Classic" }, { key: "midnight", title: "Midnight" }, { key: "sunrise", title: "Sunrise" }])
    }`
  }),
  down: Effect.flatMap(SqlClient.SqlClient, (sql) => sql`DROP TABLE baton_digital_card_designs`)
}

const templates: TenantMigrationSpec = {
  id: "0001_templates",
  tables: ["digital_card_templates"],
  up: ({ sql, table }) =>
    sql`CREATE TABLE ${table("digital_card_templates")} (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      design TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`.pipe(Effect.asVoid),
  down: ({ sql, table }) => sql`DROP TABLE ${table("digital_card_templates")}`.pipe(Effect.asVoid)
}

const cards: TenantMigrationSpec = {
  id: "0002_cards",
  tables: ["digital_cards"],
  up: ({ sql, table }) =>
    Effect.all([
      sql`CREATE TABLE ${table("digital_cards")} (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL REFERENCES ${table("digital_card_templates")} (id),
        contact_id TEXT NOT NULL REFERENCES ${table("contacts")} (id),
        serial TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        issued_at BIGINT NOT NULL,
        revoked_at BIGINT
      )`,
      sql`CREATE INDEX digital_cards_template ON ${table("digital_cards")} (template_id)`
    ], { discard: true }),
  down: ({ sql, table }) => sql`DROP TABLE ${table("digital_cards")}`.pipe(Effect.asVoid)
}

/** 1.1.0: cards get free-text notes. */
const notes: TenantMigrationSpec = {
  id: "0003_card_notes",
  tables: [],
  up: ({ sql, table }) => sql`ALTER TABLE ${table("digital_cards")} ADD COLUMN notes TEXT`.pipe(Effect.asVoid),
  down: ({ sql, table }) => sql`ALTER TABLE ${table("digital_cards")} DROP COLUMN notes`.pipe(Effect.asVoid)
}

/** Every tenant starts with a standard template. */
const setup: TenantWork = ({ sql, table }) =>
  sql`INSERT INTO ${table("digital_card_templates")} ${
    sql.insert({ id: "standard", name: "Standard card", design: "classic", created_at: 0 })
  }`.pipe(Effect.asVoid)

const common = {
  name: "DigitalCard",
  title: "Digital cards",
  dependencies: { Contacts: "^1.0.0" },
  entitlement: "digital-cards",
  landlordMigrations: [designs],
  setup
} as const

export const DigitalCard_1_0_0 = defineModule({ ...common, version: "1.0.0", tenantMigrations: [templates, cards] })

export const DigitalCard_1_1_0 = defineModule({ ...common, version: "1.1.0", tenantMigrations: [templates, cards, notes] })
