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

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`, integers only). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Days since 1970-01-01. */
export const toEpochDay = (day: Day): number =>
  daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/** The day `epochDay` days after 1970-01-01 (H. Hinnant's `civil_from_days`). */
export const fromEpochDay = (epochDay: number): Day => {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return Day.make(`${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`, true)
}

export const addDays = (day: Day, days: number): Day => fromEpochDay(toEpochDay(day) + days)

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => toEpochDay(to) - toEpochDay(from)

/** The UTC day of an instant given in epoch milliseconds. */
export const dayOfMillis = (millis: number): Day => fromEpochDay(Math.floor(millis / MILLIS_PER_DAY))
