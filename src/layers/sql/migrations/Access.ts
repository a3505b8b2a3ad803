import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/** Tenants, memberships, custom roles and role grants (`tenant_id` '' means the platform). */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0005_tenants_and_access": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_tenants (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_memberships (
      tenant_id TEXT NOT NULL,
      account_id TEXT NOT NULL,
      joined_at BIGINT NOT NULL,
      PRIMARY KEY (tenant_id, account_id)
    )`
    yield* sql`CREATE INDEX baton_memberships_account ON baton_memberships (account_id)`
    yield* sql`CREATE TABLE baton_roles (
      tenant_id TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      abilities TEXT NOT NULL,
      PRIMARY KEY (tenant_id, name)
    )`
    yield* sql`CREATE TABLE baton_role_grants (
      account_id TEXT NOT NULL,
      role TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      granted_at BIGINT NOT NULL,
      PRIMARY KEY (account_id, tenant_id, role)
    )`
    yield* sql`CREATE INDEX baton_role_grants_role ON baton_role_grants (tenant_id, role)`
  })
}
