import type * as HttpClient from "@effect/platform/HttpClient"
import { Config, ConfigError, Effect, Either, Layer, Option } from "effect"
import { millisBetween } from "../config/BatonConfig.js"
import type { PaymentGateway } from "../../orchestration/commerce/PaymentGateway.js"
import * as HttpPaymentGateway from "./HttpPaymentGateway.js"
import * as SandboxPaymentGateway from "./SandboxPaymentGateway.js"

/**
 * The payment service: `BATON_PAYMENT_GATEWAY=sandbox` (the default: in-process, no money moves)
 * or `http` (the service at `BATON_PAYMENT_URL`, with `BATON_PAYMENT_API_KEY` as bearer token and
 * `BATON_PAYMENT_TIMEOUT_MS` per request).
 */
export const config = Config.all({
  gateway: Config.literal("sandbox", "http")("BATON_PAYMENT_GATEWAY").pipe(Config.withDefault("sandbox" as const)),
  url: Config.option(Config.url("BATON_PAYMENT_URL")),
  apiKey: Config.option(Config.redacted("BATON_PAYMENT_API_KEY")),
  timeout: millisBetween("BATON_PAYMENT_TIMEOUT_MS", 100, 120_000, 10_000)
}).pipe(
  Config.mapOrFail(({ apiKey, gateway, timeout, url }) => {
    if (gateway === "sandbox") return Either.right(Option.none<HttpPaymentGateway.HttpPaymentOptions>())
    return Option.match(url, {
      onNone: () => Either.left(ConfigError.MissingData(["BATON_PAYMENT_URL"], "is required when BATON_PAYMENT_GATEWAY=http")),
      onSome: (url) => Either.right(Option.some({ url, apiKey, timeout }))
    })
  })
)

/** The configured payment gateway; the sandbox says so in the log, once, at start. */
export const layerConfig: Layer.Layer<PaymentGateway, ConfigError.ConfigError, HttpClient.HttpClient> = Layer.unwrapEffect(
  Effect.map(config, Option.match({
    onNone: () =>
      Layer.effectDiscard(Effect.logWarning("payments: sandbox gateway (BATON_PAYMENT_GATEWAY=sandbox): no money moves")).pipe(
        Layer.provideMerge(SandboxPaymentGateway.layer)
      ),
    onSome: HttpPaymentGateway.layer
  }))
)
