import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Duration, Effect, Layer, Option, Redacted, Schema } from "effect"
import type { Money } from "../../domain/commerce/Money.js"
import {
  ChargeId,
  Charged,
  type ChargeResult,
  type DeclineReason,
  Declined,
  NothingToRefund,
  RefundId,
  Refunded,
  type RefundResult
} from "../../domain/commerce/Payment.js"
import { PaymentGateway } from "../../orchestration/commerce/PaymentGateway.js"
import { PaymentGatewayError } from "../../orchestration/commerce/PaymentGatewayError.js"

export interface HttpPaymentOptions {
  /** The payment service's base URL, e.g. `https://payments.internal`. */
  readonly url: URL
  readonly apiKey: Option.Option<Redacted.Redacted>
  /** How long one request may take before it counts as a transient failure (default 10 s). */
  readonly timeout?: Duration.DurationInput
}

/** The body as JSON, or as the text it is when it is not JSON (a proxy's error page). */
const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

interface Reply {
  readonly status: number
  readonly json: unknown
}

const Succeeded = Schema.Struct({ id: Schema.NonEmptyTrimmedString })
const Failure = Schema.Struct({ error: Schema.Struct({ code: Schema.String, decline_code: Schema.optional(Schema.String) }) })

/** The service's decline codes (Stripe's words) as baton's reasons; any other decline is `card_declined`. */
const reasonOf = (code: string | undefined): DeclineReason =>
  code === "fraudulent" || code === "fraud"
    ? "fraud"
    : code === "insufficient_funds"
    ? "insufficient_funds"
    : code === "expired_card"
    ? "expired_card"
    : "card_declined"

/** Statuses worth retrying under the same idempotency key: timeout, key in use, too early, rate limited, server errors. */
const transientStatus = (status: number) => status === 408 || status === 409 || status === 425 || status === 429 || status >= 500

/**
 * `PaymentGateway` over the payment service's HTTP API, in Stripe's manner: `POST /v1/charges`
 * and `POST /v1/refunds` with an `Idempotency-Key` header (the service answers a repeated key as
 * it answered the first time), JSON bodies, `Authorization: Bearer <api key>`. A charge carries
 * its idempotency key as its merchant `reference`, and a refund names the charge by that
 * reference (as Adyen's refund by merchant reference does), so that a charge whose answer was
 * lost can still be given back. 2xx → `Charged`/`Refunded`; 402 → `Declined` with the reason
 * from `error.decline_code`; 404 on a refund → `NothingToRefund`; 408, 409, 425, 429, 5xx, a
 * timeout or an unreachable service → transient `PaymentGatewayError`; any other answer → a
 * `PaymentGatewayError` that retrying will not fix.
 */
export const make = (options: HttpPaymentOptions) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const timeout = options.timeout ?? Duration.seconds(10)

    const post = (operation: string, path: string, idempotencyKey: string, body: unknown) =>
      HttpClientRequest.post(new URL(path, options.url)).pipe(
        HttpClientRequest.setHeader("idempotency-key", idempotencyKey),
        Option.match(options.apiKey, { onNone: () => (r) => r, onSome: (key) => HttpClientRequest.bearerToken(Redacted.value(key)) }),
        HttpClientRequest.bodyJson(body),
        Effect.flatMap((request) => client.execute(request)),
        Effect.flatMap((response) => Effect.map(response.text, (text) => ({ status: response.status, json: parsed(text) }))),
        Effect.scoped,
        Effect.timeout(timeout),
        Effect.mapError((cause) => new PaymentGatewayError({ operation, transient: cause._tag !== "HttpBodyError", cause }))
      )

    const unexpected = (operation: string, reply: Reply) =>
      new PaymentGatewayError({
        operation,
        transient: transientStatus(reply.status),
        cause: new Error(`answered ${reply.status}: ${JSON.stringify(reply.json).slice(0, 200)}`)
      })

    const decode = <A, I>(operation: string, schema: Schema.Schema<A, I>, reply: Reply) =>
      Schema.decodeUnknown(schema)(reply.json).pipe(
        Effect.mapError((cause) => new PaymentGatewayError({ operation, transient: false, cause }))
      )

    const charged = (amount: Money) => (reply: Reply): Effect.Effect<ChargeResult, PaymentGatewayError> =>
      reply.status >= 200 && reply.status < 300
        ? Effect.map(decode("PaymentGateway.charge", Succeeded, reply), (body) => new Charged({ chargeId: ChargeId.make(body.id), amount }))
        : reply.status === 402
        ? Effect.map(decode("PaymentGateway.charge", Failure, reply), (body) => new Declined({ reason: reasonOf(body.error.decline_code) }))
        : Effect.fail(unexpected("PaymentGateway.charge", reply))

    const refunded = (reply: Reply): Effect.Effect<RefundResult, PaymentGatewayError> =>
      reply.status >= 200 && reply.status < 300
        ? Effect.map(decode("PaymentGateway.refund", Succeeded, reply), (body) => new Refunded({ refundId: RefundId.make(body.id) }))
        : reply.status === 404
        ? Effect.succeed(new NothingToRefund())
        : Effect.fail(unexpected("PaymentGateway.refund", reply))

    return PaymentGateway.of({
      charge: (request) =>
        post("PaymentGateway.charge", "v1/charges", request.idempotencyKey, {
          amount: request.amount.amount,
          currency: request.amount.currency.toLowerCase(),
          payment_method: request.paymentMethod,
          reference: request.idempotencyKey
        }).pipe(Effect.flatMap(charged(request.amount))),
      refund: (request) =>
        post("PaymentGateway.refund", "v1/refunds", request.idempotencyKey, { charge_reference: request.chargeKey }).pipe(
          Effect.flatMap(refunded)
        )
    })
  })

export const layer = (options: HttpPaymentOptions): Layer.Layer<PaymentGateway, never, HttpClient.HttpClient> =>
  Layer.effect(PaymentGateway, make(options))
