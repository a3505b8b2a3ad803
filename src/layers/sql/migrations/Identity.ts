import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"

/** Identity: accounts, credentials, sessions, challenges and API tokens. */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0004_identity": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE baton_accounts (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      status TEXT NOT NULL,
      auth_epoch INTEGER NOT NULL,
      created_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_passwords (
      account_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_login_attempts (
      subject TEXT NOT NULL,
      factor TEXT NOT NULL,
      failures INTEGER NOT NULL,
      locked_until BIGINT,
      PRIMARY KEY (subject, factor)
    )`
    yield* sql`CREATE TABLE baton_totp (
      account_id TEXT PRIMARY KEY,
      sealed_secret TEXT NOT NULL,
      status TEXT NOT NULL,
      last_step BIGINT,
      created_at BIGINT NOT NULL
    )`
    yield* sql`CREATE TABLE baton_recovery_codes (
      account_id TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      used_at BIGINT,
      PRIMARY KEY (account_id, code_hash)
    )`
    yield* sql`CREATE TABLE baton_sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      auth_epoch INTEGER NOT NULL,
      user_agent TEXT NOT NULL,
      ip TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      last_seen_at BIGINT NOT NULL,
      authenticated_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`
    yield* sql`CREATE INDEX baton_sessions_account ON baton_sessions (account_id)`
    yield* sql`CREATE TABLE baton_challenges (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      user_agent TEXT NOT NULL,
      ip TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      attempts INTEGER NOT NULL
    )`
    yield* sql`CREATE TABLE baton_api_tokens (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL,
      name TEXT NOT NULL,
      scopes TEXT NOT NULL,
      hint TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT,
      last_used_at BIGINT,
      revoked_at BIGINT
    )`
    yield* sql`CREATE INDEX baton_api_tokens_account ON baton_api_tokens (account_id)`
  })
}
