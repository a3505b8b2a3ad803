import { Schema } from "effect"

/**
 * Identifiers shared by every context. An id is an opaque string minted by the `Ids` port;
 * the brand keeps one kind of id from being passed where another is expected.
 */
export const TenantId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("TenantId"))
export type TenantId = typeof TenantId.Type

export const AccountId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("AccountId"))
export type AccountId = typeof AccountId.Type

export const SessionId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("SessionId"))
export type SessionId = typeof SessionId.Type

export const ApiTokenId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("ApiTokenId"))
export type ApiTokenId = typeof ApiTokenId.Type

/** The id of an audit or notification intent; also its idempotency key at every sink. */
export const IntentId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("IntentId"))
export type IntentId = typeof IntentId.Type
