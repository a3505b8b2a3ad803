import { Schema } from "effect"

/**
 * Demand classification by Syntetos, Boylan & Croston (2005): the average inter-demand interval
 * (ADI) against 1.32 and the squared coefficient of variation of the non-zero demand sizes (CV²)
 * against 0.49. `none`: no demand in the history.
 */
export const DemandClass = Schema.Literal("smooth", "erratic", "intermittent", "lumpy", "none")
export type DemandClass = typeof DemandClass.Type

export const ADI_CUTOFF = 1.32
export const CV2_CUTOFF = 0.49

export const Classification = Schema.Struct({
  periods: Schema.Int,
  demandPeriods: Schema.Int,
  /** Mean number of periods between demands, the first counted from the start of the history. */
  adi: Schema.NullOr(Schema.Number),
  /** Squared coefficient of variation of the non-zero sizes (population variance). */
  cv2: Schema.NullOr(Schema.Number),
  meanDemandSize: Schema.NullOr(Schema.Number),
  demandClass: DemandClass
})
export type Classification = typeof Classification.Type

export const classify = (series: ArrayLike<number>, length = series.length): Classification => {
  let count = 0
  let sum = 0
  let sumSquares = 0
  let last = -1
  for (let t = 0; t < length; t++) {
    const y = series[t] ?? 0
    if (y > 0) {
      count++
      sum += y
      sumSquares += y * y
      last = t
    }
  }
  if (count === 0) {
    return { periods: length, demandPeriods: 0, adi: null, cv2: null, meanDemandSize: null, demandClass: "none" }
  }
  const adi = (last + 1) / count
  const mean = sum / count
  const cv2 = Math.max(0, sumSquares / count - mean * mean) / (mean * mean)
  const demandClass = adi < ADI_CUTOFF
    ? (cv2 < CV2_CUTOFF ? "smooth" : "erratic")
    : (cv2 < CV2_CUTOFF ? "intermittent" : "lumpy")
  return { periods: length, demandPeriods: count, adi, cv2, meanDemandSize: mean, demandClass }
}

/** A fitted method: its last forecast per period and its one-step-ahead in-sample errors. */
export interface Fit {
  readonly forecast: number
  readonly errorCount: number
  readonly sumSquaredErrors: number
}

/**
 * Simple exponential smoothing: level ℓ₀ = y₁, ℓₜ = α·yₜ + (1 − α)·ℓₜ₋₁; the forecast of every
 * later period is the last level. Errors are yₜ − ℓₜ₋₁ for t ≥ 2.
 */
export const ses = (series: ArrayLike<number>, alpha: number, length = series.length): Fit => {
  if (length === 0) return { forecast: 0, errorCount: 0, sumSquaredErrors: 0 }
  let level = series[0] ?? 0
  let sse = 0
  for (let t = 1; t < length; t++) {
    const y = series[t] ?? 0
    const error = y - level
    sse += error * error
    level += alpha * error
  }
  return { forecast: level, errorCount: length - 1, sumSquaredErrors: sse }
}

/**
 * Croston's method: demand size z and inter-demand interval p are smoothed separately, only in
 * periods with demand, from z₀ = the first demand and p₀ = its period number; the forecast per
 * period is z/p, or (1 − α/2)·z/p with the Syntetos–Boylan approximation (`sba`), which removes
 * Croston's positive bias. Errors are counted from the period after the first demand.
 */
export const croston = (series: ArrayLike<number>, alpha: number, sba: boolean, length = series.length): Fit => {
  const factor = sba ? 1 - alpha / 2 : 1
  let size = 0
  let interval = 0
  let since = 0
  let started = false
  let sse = 0
  let errors = 0
  for (let t = 0; t < length; t++) {
    const y = series[t] ?? 0
    since++
    if (started) {
      const error = y - (factor * size) / interval
      sse += error * error
      errors++
    }
    if (y > 0) {
      if (started) {
        size += alpha * (y - size)
        interval += alpha * (since - interval)
      } else {
        size = y
        interval = since
        started = true
      }
      since = 0
    }
  }
  return { forecast: started ? (factor * size) / interval : 0, errorCount: errors, sumSquaredErrors: sse }
}

export const ForecastMethod = Schema.Literal("ses", "croston", "sba", "none")
export type ForecastMethod = typeof ForecastMethod.Type

export interface SmoothingParameters {
  /** α of simple exponential smoothing (smooth and erratic demand). */
  readonly alpha: number
  /** α of Croston/SBA (intermittent and lumpy demand). */
  readonly intermittentAlpha: number
  /** `sba` (default) or `croston` for intermittent and lumpy demand. */
  readonly intermittentMethod: "croston" | "sba"
}

/** SES for smooth and erratic demand, Croston/SBA for intermittent and lumpy demand. */
export const methodFor = (demandClass: DemandClass, parameters: SmoothingParameters): ForecastMethod =>
  demandClass === "none" ? "none" : demandClass === "smooth" || demandClass === "erratic" ? "ses" : parameters.intermittentMethod

export const fit = (method: ForecastMethod, series: ArrayLike<number>, parameters: SmoothingParameters, length = series.length): Fit =>
  method === "ses"
    ? ses(series, parameters.alpha, length)
    : method === "none"
    ? { forecast: 0, errorCount: 0, sumSquaredErrors: 0 }
    : croston(series, parameters.intermittentAlpha, method === "sba", length)
