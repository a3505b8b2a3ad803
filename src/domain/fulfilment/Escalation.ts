import { DateTime, Duration, Option } from "effect"
import { Deadlines, type Dropship, type DropshipLine, isAwaiting } from "./Dropship.js"

/**
 * How deadlines follow from a vendor's promised lead time: `day` is the length of one lead-time
 * day (24 hours; shorter only to compress time in tests and demonstrations), `atRiskAfter` how
 * long after the first deadline the line is at risk.
 */
export interface EscalationPolicy {
  readonly day: Duration.Duration
  readonly atRiskAfter: Duration.Duration
}

export const defaultPolicy: EscalationPolicy = { day: Duration.days(1), atRiskAfter: Duration.days(2) }

/** The delays of the deadlines for a vendor promising `leadTimeDays`, in milliseconds. */
export const delaysOf = (leadTimeDays: number, policy: EscalationPolicy) => ({
  overdueAfterMillis: Math.round(Duration.toMillis(policy.day) * leadTimeDays),
  atRiskAfterMillis: Math.round(Duration.toMillis(policy.atRiskAfter))
})

/** The deadlines of a line's purchase order placed at `placedAt`: its promised lead time later, then the second delay later. */
export const deadlinesOf = (placedAt: DateTime.Utc, line: DropshipLine): Deadlines => {
  const overdueAt = DateTime.add(placedAt, { millis: line.overdueAfterMillis })
  return new Deadlines({ overdueAt, atRiskAt: DateTime.add(overdueAt, { millis: line.atRiskAfterMillis }) })
}

/** The next escalation due for an awaited dropship, with its deadline; none once at risk or no longer awaited. */
export const nextEscalation = (dropship: Dropship): Option.Option<{ readonly level: "overdue" | "atRisk"; readonly at: DateTime.Utc }> => {
  if (!isAwaiting(dropship.state) || dropship.deadlines === undefined) return Option.none()
  if (dropship.escalation === "none") return Option.some({ level: "overdue", at: dropship.deadlines.overdueAt })
  if (dropship.escalation === "overdue") return Option.some({ level: "atRisk", at: dropship.deadlines.atRiskAt })
  return Option.none()
}
