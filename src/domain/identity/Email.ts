import { Schema } from "effect"

/** A normalised email address: trimmed, lower-cased, at most 254 characters. Unique per account. */
export const Email = Schema.String.pipe(
  Schema.maxLength(254),
  Schema.pattern(/^[^\s@A-Z]+@[^\s@A-Z]+\.[^\s@A-Z]+$/, { message: () => "must be an email address" }),
  Schema.brand("Email")
)
export type Email = typeof Email.Type

/** An email as people type it, normalised on decoding (`  Ada@Example.COM ` → `ada@example.com`). */
export const EmailFromInput = Schema.Trim.pipe(Schema.compose(Schema.Lowercase), Schema.compose(Email))
