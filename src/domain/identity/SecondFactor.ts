import { Option } from "effect"

/** RFC 6238 parameters baton uses (those authenticator apps support): SHA-1, 6 digits, 30 s, ±1 step. */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const TOTP_WINDOW = 1
export const RECOVERY_CODE_COUNT = 10

/** The time step of an instant: RFC 6238's T = floor(unix seconds / 30). */
export const stepAt = (epochMillis: number): number => Math.floor(epochMillis / 1000 / TOTP_PERIOD_SECONDS)

/**
 * Single use: a code is accepted only for a time step later than the last one accepted for the
 * account, so a code — the enrolment code included — is never accepted twice, and neither is an
 * older code from the window. The repository then advances the step with compare-and-set.
 */
export const acceptStep = (matched: Option.Option<number>, lastAccepted: Option.Option<number>): Option.Option<number> =>
  Option.filter(matched, (step) => Option.match(lastAccepted, { onNone: () => true, onSome: (last) => step > last }))

/** A code as typed: digits only, spaces ignored. */
export const normaliseTotpCode = (code: string): Option.Option<string> => {
  const digits = code.replace(/\s+/g, "")
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? Option.some(digits) : Option.none()
}

/** A recovery code as typed: case, spaces and dashes ignored. */
export const normaliseRecoveryCode = (code: string): string => code.replace(/[\s-]+/g, "").toUpperCase()
