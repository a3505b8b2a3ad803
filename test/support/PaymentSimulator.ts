import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import { declines } from "../../src/layers/payment/SandboxPaymentGateway.js"

/** A charge the simulated service took or declined (once per idempotency key). */
export interface SimulatedCharge {
  readonly key: string
  readonly id: string
  readonly reference: string
  readonly amount: number
  readonly currency: string
  readonly paymentMethod: string
  readonly status: "succeeded" | "declined"
}

export interface SimulatedRefund {
  readonly key: string
  readonly id: string
  readonly chargeReference: string
}

interface Stored {
  readonly fingerprint: string
  readonly status: number
  readonly body: unknown
}

const stripeCodes: Record<string, string> = {
  card_declined: "generic_decline",
  insufficient_funds: "insufficient_funds",
  expired_card: "expired_card",
  fraud: "fraudulent"
}

/**
 * A payment service on loopback speaking the API `HttpPaymentGateway` expects (Stripe's manner):
 * it keeps every answer by idempotency key and replays it, answers 409 while a request with the
 * same key is in flight and 400 when a key is reused with other parameters; declines the
 * sandbox's test payment methods. Faults on demand: latency, failures before processing
 * (nothing charged), lost answers (charged, but the client hears a failure), held answers
 * (charged, no answer until released or the client goes away), declines, refunds down.
 */
export const make = Effect.acquireRelease(
  Effect.async<ReturnType<typeof simulator>>((resume) => {
    const sim = simulator()
    sim.server.listen(0, "127.0.0.1", () => resume(Effect.succeed(sim)))
  }),
  (sim) => Effect.async<void>((resume) => {
    sim.release()
    sim.server.closeAllConnections()
    sim.server.close(() => resume(Effect.void))
  })
).pipe(Effect.map((sim) => ({ ...sim, url: `http://127.0.0.1:${(sim.server.address() as AddressInfo).port}/` })))

export type Simulator = Effect.Effect.Success<typeof make>

const simulator = () => {
  const stored = new Map<string, Stored>()
  const inFlight = new Set<string>()
  const charges: Array<SimulatedCharge> = []
  const refunds: Array<SimulatedRefund> = []
  const requests: Array<{ readonly path: string; readonly key: string; readonly status: number }> = []
  const authorizations: Array<string> = []
  const held: Array<() => void> = []
  const faults = { latencyMs: 0, failBefore: [] as Array<number>, loseAnswers: [] as Array<number>, declineNext: [] as Array<string>, hold: false, refundsDown: false }

  const process = (path: string, key: string, body: Record<string, unknown>): { readonly status: number; readonly body: unknown } => {
    if (path === "/v1/charges") {
      const paymentMethod = String(body["payment_method"])
      const reason = faults.declineNext.shift() ?? declines[paymentMethod]
      const charge: SimulatedCharge = {
        key,
        id: `ch_sim_${charges.length + 1}`,
        reference: String(body["reference"]),
        amount: Number(body["amount"]),
        currency: String(body["currency"]),
        paymentMethod,
        status: reason === undefined ? "succeeded" : "declined"
      }
      charges.push(charge)
      return reason === undefined
        ? { status: 200, body: { id: charge.id, status: "succeeded", amount: charge.amount, currency: charge.currency } }
        : { status: 402, body: { error: { type: "card_error", code: "card_declined", decline_code: stripeCodes[reason] ?? reason } } }
    }
    const reference = String(body["charge_reference"])
    const charge = charges.find((c) => c.reference === reference && c.status === "succeeded")
    if (charge === undefined) return { status: 404, body: { error: { code: "charge_not_found" } } }
    const earlier = refunds.find((r) => r.chargeReference === reference)
    if (earlier !== undefined) return { status: 200, body: { id: earlier.id, status: "succeeded" } }
    const refund = { key, id: `re_sim_${refunds.length + 1}`, chargeReference: reference }
    refunds.push(refund)
    return { status: 200, body: { id: refund.id, status: "succeeded" } }
  }

  const answer = (response: ServerResponse, path: string, key: string, status: number, body: unknown) => {
    requests.push({ path, key, status })
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
  }

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let text = ""
    for await (const chunk of request) text += String(chunk)
    const path = request.url ?? ""
    authorizations.push(String(request.headers.authorization ?? ""))
    const key = String(request.headers["idempotency-key"] ?? "")
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
    if (path !== "/v1/charges" && path !== "/v1/refunds") return answer(response, path, key, 404, { error: { code: "no_route" } })
    if (key === "") return answer(response, path, key, 400, { error: { code: "idempotency_key_required" } })
    const failure = faults.failBefore.shift() ?? (path === "/v1/refunds" && faults.refundsDown ? 503 : undefined)
    if (failure !== undefined) return answer(response, path, key, failure, { error: { code: "service_unavailable" } })
    const slot = `${path} ${key}`
    const known = stored.get(slot)
    if (known !== undefined) {
      return known.fingerprint === text
        ? answer(response, path, key, known.status, known.body)
        : answer(response, path, key, 400, { error: { code: "idempotency_key_reused" } })
    }
    if (inFlight.has(slot)) return answer(response, path, key, 409, { error: { code: "idempotency_key_in_use" } })
    inFlight.add(slot)
    const result = process(path, key, JSON.parse(text))
    stored.set(slot, { fingerprint: text, ...result })
    inFlight.delete(slot)
    const lost = faults.loseAnswers.shift()
    if (lost !== undefined) return answer(response, path, key, lost, { error: { code: "bad_gateway" } })
    if (faults.hold && path === "/v1/charges") {
      await new Promise<void>((resolve) => {
        held.push(resolve)
        response.once("close", resolve)
      })
      if (response.destroyed) return requests.push({ path, key, status: 0 })
    }
    answer(response, path, key, result.status, result.body)
  }

  const server = createServer((request, response) => void handle(request, response))
  return {
    server,
    faults,
    /** The next `n` requests fail with `status` before anything is processed. */
    failNext: (n: number, status = 503) => faults.failBefore.push(...Array<number>(n).fill(status)),
    /** The next `n` requests are processed (a charge is taken) but answered with `status`. */
    loseNextAnswers: (n: number, status = 502) => faults.loseAnswers.push(...Array<number>(n).fill(status)),
    /** The next charges decline with these reasons, whatever their payment method. */
    declineNext: (...reasons: ReadonlyArray<string>) => faults.declineNext.push(...reasons),
    /** Answers every held charge. */
    release: () => held.splice(0).forEach((resolve) => resolve()),
    charges: (): ReadonlyArray<SimulatedCharge> => [...charges],
    refunds: (): ReadonlyArray<SimulatedRefund> => [...refunds],
    requests: () => [...requests],
    /** The `Authorization` header of every request, in arrival order. */
    authorizations: () => [...authorizations]
  }
}
