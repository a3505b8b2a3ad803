import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Webhook signatures, in the scheme receivers know from Stripe: the header
 * `X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp
 * lets a receiver refuse replays older than its tolerance.
 */
export const header = "X-Baton-Signature"

export const sign = (secret: string, body: string, unixSeconds: number): string =>
  `t=${unixSeconds},v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`

/** Verifies a signature header for `body`; for receivers (and baton's tests). */
export const verify = (
  secret: string,
  body: string,
  signature: string,
  options: { readonly nowSeconds: number; readonly toleranceSeconds: number }
): boolean => {
  const parts = new Map(signature.split(",").map((part) => {
    const at = part.indexOf("=")
    return [part.slice(0, at), part.slice(at + 1)] as const
  }))
  const t = Number(parts.get("t"))
  const v1 = parts.get("v1")
  if (!Number.isInteger(t) || v1 === undefined || Math.abs(options.nowSeconds - t) > options.toleranceSeconds) return false
  const expected = Buffer.from(sign(secret, body, t).slice(`t=${t},v1=`.length), "hex")
  const given = Buffer.from(v1, "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}
