import { Schema } from "effect"
import { Classification, classify, fit, ForecastMethod, methodFor, type SmoothingParameters } from "./Forecast.js"

/**
 * The forecast's accuracy on the last `days` of the history, fitted on the days before them
 * (the method chosen from those days too, so nothing leaks): mean absolute error, root mean
 * squared error, bias (mean of actual − forecast: positive means under-forecast) and MASE, the
 * MAE scaled by the in-sample MAE of the naive one-step forecast (Hyndman & Koehler 2006; null
 * when the fit window never changes).
 */
export const HoldoutError = Schema.Struct({
  days: Schema.Int,
  method: ForecastMethod,
  forecastPerDay: Schema.Number,
  actualMeanPerDay: Schema.Number,
  mae: Schema.Number,
  rmse: Schema.Number,
  bias: Schema.Number,
  mase: Schema.NullOr(Schema.Number)
})
export type HoldoutError = typeof HoldoutError.Type

/** A demand forecast with how it was made. */
export const DemandForecast = Schema.Struct({
  historyDays: Schema.Int,
  classification: Classification,
  method: ForecastMethod,
  alpha: Schema.Number,
  /** Expected demand per day (the flat forecast of SES and Croston/SBA). */
  perDay: Schema.Number,
  /** Standard deviation of the one-step-ahead forecast errors per day (in-sample RMSE). */
  sigmaPerDay: Schema.Number,
  holdout: Schema.NullOr(HoldoutError)
})
export type DemandForecast = typeof DemandForecast.Type

export interface ForecastParameters extends SmoothingParameters {
  /** Days at the end of the history held out to measure the forecast error (0: none). */
  readonly holdoutDays: number
}

const alphaOf = (method: ForecastMethod, parameters: SmoothingParameters) =>
  method === "ses" ? parameters.alpha : method === "none" ? 0 : parameters.intermittentAlpha

const standardDeviation = (series: ArrayLike<number>): number => {
  let sum = 0
  let squares = 0
  for (let t = 0; t < series.length; t++) {
    const y = series[t] ?? 0
    sum += y
    squares += y * y
  }
  const mean = series.length === 0 ? 0 : sum / series.length
  return series.length === 0 ? 0 : Math.sqrt(Math.max(0, squares / series.length - mean * mean))
}

const holdoutError = (series: ArrayLike<number>, days: number, parameters: SmoothingParameters): HoldoutError => {
  const cut = series.length - days
  const method = methodFor(classify(series, cut).demandClass, parameters)
  const forecast = fit(method, series, parameters, cut).forecast
  let absolute = 0
  let squared = 0
  let signed = 0
  let actual = 0
  for (let t = cut; t < series.length; t++) {
    const y = series[t] ?? 0
    const error = y - forecast
    absolute += Math.abs(error)
    squared += error * error
    signed += error
    actual += y
  }
  let naive = 0
  for (let t = 1; t < cut; t++) naive += Math.abs((series[t] ?? 0) - (series[t - 1] ?? 0))
  const naiveMae = cut > 1 ? naive / (cut - 1) : 0
  const mae = absolute / days
  return {
    days,
    method,
    forecastPerDay: forecast,
    actualMeanPerDay: actual / days,
    mae,
    rmse: Math.sqrt(squared / days),
    bias: signed / days,
    mase: naiveMae > 0 ? mae / naiveMae : null
  }
}

/**
 * Classifies the daily history, forecasts it with the method of its class, and measures the
 * error on a hold-out window (when the history has at least twice as many days as the window).
 */
export const forecastDemand = (series: ArrayLike<number>, parameters: ForecastParameters): DemandForecast => {
  const classification = classify(series)
  const method = methodFor(classification.demandClass, parameters)
  const fitted = fit(method, series, parameters)
  const days = Math.floor(parameters.holdoutDays)
  return {
    historyDays: series.length,
    classification,
    method,
    alpha: alphaOf(method, parameters),
    perDay: fitted.forecast,
    sigmaPerDay: fitted.errorCount > 0 ? Math.sqrt(fitted.sumSquaredErrors / fitted.errorCount) : standardDeviation(series),
    holdout: days > 0 && series.length >= 2 * days ? holdoutError(series, days, parameters) : null
  }
}
