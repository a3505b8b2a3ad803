import type { Schema } from "effect"

/**
 * A request schema that reports every issue, not only the first: a client that sent three bad
 * fields hears about all three in one 400. Wrap every payload, URL parameter and header schema.
 */
export const allIssues = <S extends Schema.Schema.Any>(schema: S): S =>
  schema.annotations({ parseOptions: { errors: "all" } }) as S
