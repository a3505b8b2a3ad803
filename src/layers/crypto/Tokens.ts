import { randomBytes } from "node:crypto"
import * as Sha256 from "./Sha256.js"

/** A bearer secret: `bytes` random bytes (256 bits by default), base64url, optionally prefixed. */
export const mint = (prefix = "", bytes = 32): string => `${prefix}${randomBytes(bytes).toString("base64url")}`

/** How bearer secrets and recovery codes are stored: hex SHA-256 (they carry ≥ 112 bits of entropy). */
export const digest: (secret: string) => string = Sha256.hex

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * A recovery code: 25 Crockford base32 characters (125 bits) in five groups of five,
 * e.g. `7K2QF-…`. Stored and compared after `SecondFactor.normaliseRecoveryCode`.
 */
export const recoveryCode = (): string => {
  const chars = [...randomBytes(25)].map((byte) => CROCKFORD[byte & 31]).join("")
  return chars.match(/.{5}/g)!.join("-")
}
