import { Schema } from "effect"

const MILLIS_PER_DAY = 86_400_000

const isCalendarDate = (s: string): boolean => {
  const date = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s
}

/**
 * A calendar day (`YYYY-MM-DD`). Supply planning works in whole days in UTC: buckets, lead
 * times and demand history are daily.
 */
export const Day = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/),
  Schema.filter(isCalendarDate, { message: () => "a valid calendar date YYYY-MM-DD" }),
  Schema.brand("Day")
).annotations({
  arbitrary: () => (fc) => fc.integer({ min: 0, max: 40_000 }).map((n) => fromEpochDay(n))
})
export type Day = typeof Day.Type

/** Days since 1970-01-01. */
export const toEpochDay = (day: Day): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / MILLIS_PER_DAY)

export const fromEpochDay = (epochDay: number): Day => Day.make(new Date(epochDay * MILLIS_PER_DAY).toISOString().slice(0, 10), true)

export const addDays = (day: Day, days: number): Day => fromEpochDay(toEpochDay(day) + days)

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => toEpochDay(to) - toEpochDay(from)

/** The UTC day of an instant given in epoch milliseconds. */
export const dayOfMillis = (millis: number): Day => fromEpochDay(Math.floor(millis / MILLIS_PER_DAY))
