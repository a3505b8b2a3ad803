import { Effect, Layer, Option } from "effect"
import { Secret, TOTP } from "otpauth"
import * as QRCode from "qrcode"
import { normaliseTotpCode, stepAt, TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from "../../domain/identity/SecondFactor.js"
import { TotpCodes } from "./TotpCodes.js"

const ALGORITHM = "SHA1"
const SECRET_BYTES = 20

/** RFC 6238 with `otpauth` (SHA-1, 6 digits, 30 s, ±1 step) and QR codes as SVG with `qrcode`. */
export const make = TotpCodes.of({
  generateSecret: Effect.sync(() => new Secret({ size: SECRET_BYTES }).base32),
  uri: (secret, label, issuer) =>
    new TOTP({ issuer, label, secret, algorithm: ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).toString(),
  qrSvg: (uri) => Effect.promise(() => QRCode.toString(uri, { type: "svg" })),
  matchStep: (secret, code, epochMillis) =>
    Option.flatMap(normaliseTotpCode(code), (token) => {
      const delta = TOTP.validate({
        token,
        secret: Secret.fromBase32(secret),
        algorithm: ALGORITHM,
        digits: TOTP_DIGITS,
        period: TOTP_PERIOD_SECONDS,
        timestamp: epochMillis,
        window: TOTP_WINDOW
      })
      return delta === null ? Option.none() : Option.some(stepAt(epochMillis) + delta)
    })
})

export const layer: Layer.Layer<TotpCodes> = Layer.succeed(TotpCodes, make)
