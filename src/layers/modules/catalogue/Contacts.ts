import { Effect } from "effect"
import { defineModule, type TenantMigrationSpec } from "../ModuleDefinition.js"

/** The tenant's contacts: people other modules address (DigitalCard issues cards to them). */
export const contactsTable: TenantMigrationSpec = {
  id: "0001_contacts",
  tables: ["contacts"],
  up: ({ sql, table }) =>
    sql`CREATE TABLE ${table("contacts")} (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`.pipe(Effect.asVoid),
  down: ({ sql, table }) => sql`DROP TABLE ${table("contacts")}`.pipe(Effect.asVoid)
}

export const Contacts_1_0_0 = defineModule({
  name: "Contacts",
  version: "1.0.0",
  title: "Contacts",
  tenantMigrations: [contactsTable]
})
