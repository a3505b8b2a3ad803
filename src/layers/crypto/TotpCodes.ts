import { Context, type Effect, type Option } from "effect"

/** RFC 6238 TOTP for the credential adapters (SHA-1, 6 digits, 30 s), backed by `otpauth`. */
export class TotpCodes extends Context.Tag("baton/layers/crypto/TotpCodes")<TotpCodes, {
  /** A new random 160-bit secret, base32-encoded. */
  readonly generateSecret: Effect.Effect<string>
  /** The `otpauth://totp/…` URI an authenticator app scans. */
  readonly uri: (secret: string, label: string, issuer: string) => string
  /** The URI as an SVG QR code. */
  readonly qrSvg: (uri: string) => Effect.Effect<string>
  /** The time step (RFC 6238 T) whose code equals `code`, searching ±1 step around `epochMillis`. */
  readonly matchStep: (secret: string, code: string, epochMillis: number) => Option.Option<number>
}>() {}
