import { ParseResult, Schema } from "effect"

/**
 * Outcome conventions. A domain outcome (a refusal, an absence, a rule that did not hold) is a
 * `Schema.TaggedClass` returned as a **success** value; an orchestrator's result type is a union
 * of them. Only infrastructure failures use the error channel, and broken invariants are defects.
 * The outcomes below recur across contexts; each context defines its own beside them.
 */

/** One problem with an input, located by its path (`a.b[0]`; empty for the input itself). */
export class Issue extends Schema.Class<Issue>("Issue")({
  path: Schema.String,
  message: Schema.String
}) {}

/** The entity asked for does not exist, or is not visible to the actor. */
export class NotFound extends Schema.TaggedClass<NotFound>()("NotFound", {
  entity: Schema.String,
  id: Schema.String
}) {}

/** A feature flag is off for the scope in which the operation was asked. */
export class FeatureDisabled extends Schema.TaggedClass<FeatureDisabled>()("FeatureDisabled", {
  feature: Schema.String
}) {}

/** The input broke a domain rule that its schema could not express. */
export class ValidationFailed extends Schema.TaggedClass<ValidationFailed>()("ValidationFailed", {
  issues: Schema.Array(Issue)
}) {}

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? String(key) : `${acc}.${String(key)}`),
    ""
  )

/** The issues of a schema failure, flattened to path + message. */
export const issuesOf = (error: ParseResult.ParseError): ReadonlyArray<Issue> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map(
    (issue) => new Issue({ path: formatPath(issue.path), message: issue.message })
  )
