import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { forecastDemand } from "../../../src/domain/supply/DemandForecast.js"
import { classify, croston, ses } from "../../../src/domain/supply/Forecast.js"

const parameters = { alpha: 0.2, intermittentAlpha: 0.1, intermittentMethod: "sba" as const, holdoutDays: 0 }

describe("demand classification (Syntetos–Boylan–Croston cut-offs ADI 1.32, CV² 0.49)", () => {
  it("classifies the four patterns from ADI and CV² computed by hand", () => {
    const intermittent = classify([0, 0, 3, 0, 0, 0, 5, 0, 0, 4])
    assert.strictEqual(intermittent.demandClass, "intermittent")
    assert.closeTo(intermittent.adi ?? 0, 10 / 3, 1e-12)
    assert.closeTo(intermittent.cv2 ?? 0, (2 / 3) / 16, 1e-12)
    const smooth = classify([10, 12, 9, 11, 10, 8])
    assert.deepStrictEqual([smooth.demandClass, smooth.adi], ["smooth", 1])
    assert.closeTo(smooth.cv2 ?? 0, (10 / 6) / 100, 1e-12)
    const lumpy = classify([0, 0, 1, 0, 0, 20, 0, 0, 2, 0])
    assert.strictEqual(lumpy.demandClass, "lumpy")
    assert.closeTo(lumpy.adi ?? 0, 3, 1e-12)
    assert.closeTo(lumpy.cv2 ?? 0, (405 / 3 - (23 / 3) ** 2) / (23 / 3) ** 2, 1e-12)
    assert.strictEqual(classify([1, 20, 2, 30, 1, 25]).demandClass, "erratic")
    assert.deepStrictEqual(classify([0, 0, 0]), { periods: 3, demandPeriods: 0, adi: null, cv2: null, meanDemandSize: null, demandClass: "none" })
  })

  it("puts a value exactly at a cut-off on the intermittent or erratic side", () => {
    const adiAtCutoff = Array.from({ length: 33 }, (_, t) => (t < 8 ? 0 : 5))
    assert.deepStrictEqual([classify(adiAtCutoff).adi, classify(adiAtCutoff).demandClass], [1.32, "intermittent"])
    assert.deepStrictEqual([classify([17, 3]).cv2, classify([17, 3]).demandClass], [0.49, "erratic"])
    assert.strictEqual(classify([16, 4]).demandClass, "smooth")
  })
})

describe("simple exponential smoothing", () => {
  it("matches the hand calculation (α = 0.2, ℓ₀ = y₁)", () => {
    // ℓ = 10 → 10 + 0.2·2 = 10.4 → 10.4 + 0.2·(−1.4) = 10.12 → 10.12 + 0.2·0.88 = 10.296
    const fitted = ses([10, 12, 9, 11], 0.2)
    assert.closeTo(fitted.forecast, 10.296, 1e-12)
    assert.strictEqual(fitted.errorCount, 3)
    assert.closeTo(fitted.sumSquaredErrors, 4 + 1.96 + 0.7744, 1e-12)
  })

  it.prop("the forecast of a constant series is the constant", [fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 400 })], ([c, n]) =>
    ses(Array.from({ length: n }, () => c), 0.2).forecast === c)

  it.prop(
    "after a different first value it converges to the constant at rate (1 − α)ⁿ",
    [fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.05, max: 1, noNaN: true })],
    ([first, c, n, alpha]) => {
      const forecast = ses([first, ...Array.from({ length: n }, () => c)], alpha).forecast
      return Math.abs(forecast - c) <= Math.abs(first - c) * (1 - alpha) ** n + 1e-9 * c
    }
  )
})

describe("Croston and the Syntetos–Boylan approximation", () => {
  it("matches the hand calculation (α = 0.1)", () => {
    // demands of 3, 5, 4 at periods 3, 7, 10: z₀ = 3, p₀ = 3; then z = 3.2, p = 3.1; then z = 3.28, p = 3.09
    const series = [0, 0, 3, 0, 0, 0, 5, 0, 0, 4]
    assert.closeTo(croston(series, 0.1, false).forecast, 3.28 / 3.09, 1e-12)
    assert.closeTo(croston(series, 0.1, true).forecast, 0.95 * (3.28 / 3.09), 1e-12)
  })

  it.prop(
    "on a constant size every k periods Croston gives c/k and SBA (1 − α/2)·c/k",
    [fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 1, noNaN: true })],
    ([c, k, repeats, alpha]) => {
      const series = Array.from({ length: k * repeats }, (_, t) => ((t + 1) % k === 0 ? c : 0))
      return Math.abs(croston(series, alpha, false).forecast - c / k) < 1e-9 * c &&
        Math.abs(croston(series, alpha, true).forecast - (1 - alpha / 2) * (c / k)) < 1e-9 * c
    }
  )
})

describe("forecastDemand", () => {
  it("uses SES for smooth demand and SBA for intermittent demand, with the error on a hold-out window", () => {
    const smooth = forecastDemand(Array.from({ length: 120 }, (_, t) => 10 + (t % 3)), { ...parameters, holdoutDays: 28 })
    assert.deepStrictEqual([smooth.classification.demandClass, smooth.method, smooth.alpha], ["smooth", "ses", 0.2])
    assert.isNotNull(smooth.holdout)
    assert.strictEqual(smooth.holdout?.days, 28)
    assert.closeTo(smooth.holdout?.actualMeanPerDay ?? 0, (10 * 28 + (0 + 1 + 2) * 9 + 0) / 28, 0.2)
    const sparse = forecastDemand(Array.from({ length: 120 }, (_, t) => (t % 5 === 4 ? 7 : 0)), { ...parameters, holdoutDays: 30 })
    assert.deepStrictEqual([sparse.classification.demandClass, sparse.method], ["intermittent", "sba"])
    assert.closeTo(sparse.perDay, 0.95 * (7 / 5), 1e-9)
    assert.closeTo(sparse.holdout?.bias ?? 0, 7 / 5 - 0.95 * (7 / 5), 1e-9)
  })

  it("measures no hold-out error when the history is shorter than twice the window", () => {
    assert.isNull(forecastDemand([1, 2, 3], { ...parameters, holdoutDays: 28 }).holdout)
  })

  it("computes the hold-out error by hand on a short series", () => {
    // fit on [4, 4, 4, 4] → SES level 4; hold out [2, 6]: errors −2, +2
    const result = forecastDemand([4, 4, 4, 4, 2, 6], { ...parameters, holdoutDays: 2 })
    assert.deepStrictEqual(result.holdout, { days: 2, method: "ses", forecastPerDay: 4, actualMeanPerDay: 4, mae: 2, rmse: 2, bias: 0, mase: null })
  })
})
