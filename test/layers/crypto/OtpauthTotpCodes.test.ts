import { assert, describe, it } from "@effect/vitest"
// node:assert semantics: chai's deep equality takes Option.some(x) for Option.none()
import { deepStrictEqual } from "@effect/vitest/utils"
import { Effect, FastCheck as fc, Option } from "effect"
import { Secret, TOTP } from "otpauth"
import { stepAt } from "../../../src/domain/identity/SecondFactor.js"
import * as OtpauthTotpCodes from "../../../src/layers/crypto/OtpauthTotpCodes.js"
import { TotpCodes } from "../../../src/layers/crypto/TotpCodes.js"

const codes = OtpauthTotpCodes.make

// RFC 6238 Appendix B, SHA-1: the seed is the ASCII of "12345678901234567890"; 6-digit codes are
// the last six digits of the 8-digit vectors.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
const vectors: ReadonlyArray<readonly [seconds: number, code: string]> = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"]
]

const codeAt = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: step * 30_000 })

describe("OtpauthTotpCodes", () => {
  it("knows the RFC 6238 seed in base32", () => {
    assert.strictEqual(Secret.fromLatin1("12345678901234567890").base32, RFC_SECRET)
  })

  it("matches the RFC 6238 Appendix B SHA-1 vectors at exactly their time step", () => {
    for (const [seconds, code] of vectors) {
      deepStrictEqual(codes.matchStep(RFC_SECRET, code, seconds * 1000), Option.some(Math.floor(seconds / 30)), `t = ${seconds}`)
    }
  })

  it("ignores spaces in a code and refuses malformed ones", () => {
    deepStrictEqual(codes.matchStep(RFC_SECRET, " 287 082 ", 59_000), Option.some(1))
    for (const malformed of ["", "28708", "2870821", "abcdef", "28708a", "94287082"]) {
      assert.isTrue(Option.isNone(codes.matchStep(RFC_SECRET, malformed, 59_000)), malformed)
    }
  })

  it.prop(
    "accepts a code of the steps within ±1 of now, at its own step, and refuses the others",
    [fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 33 }), fc.integer({ min: -4, max: 4 })],
    ([bytes, nowSeconds, offset]) => {
      const secret = new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32
      const now = stepAt(nowSeconds * 1000)
      const code = codeAt(secret, now + offset)
      // Six digits collide now and then: skip the draws where another step of the window has the same code.
      const window = [-1, 0, 1].filter((k) => k !== offset && codeAt(secret, now + k) === code)
      fc.pre(window.length === 0)
      const matched = codes.matchStep(secret, code, nowSeconds * 1000)
      deepStrictEqual(matched, Math.abs(offset) <= 1 ? Option.some(now + offset) : Option.none())
    },
    { fastCheck: { numRuns: 300 } }
  )

  it.effect("generates 160-bit base32 secrets, never twice the same", () =>
    Effect.gen(function*() {
      const totp = yield* TotpCodes
      const secrets = yield* Effect.replicateEffect(totp.generateSecret, 20)
      for (const secret of secrets) {
        assert.match(secret, /^[A-Z2-7]{32}$/)
        assert.strictEqual(Secret.fromBase32(secret).bytes.length, 20)
      }
      assert.strictEqual(new Set(secrets).size, secrets.length)
    }).pipe(Effect.provide(OtpauthTotpCodes.layer)))

  it("makes the otpauth:// URI authenticator apps scan", () => {
    const uri = codes.uri(RFC_SECRET, "ada@example.com", "Baton Admin")
    assert.strictEqual(
      uri,
      `otpauth://totp/Baton%20Admin:ada%40example.com?issuer=Baton%20Admin&secret=${RFC_SECRET}&algorithm=SHA1&digits=6&period=30`
    )
  })

  it.effect("draws the URI as an SVG QR code", () =>
    Effect.gen(function*() {
      const svg = yield* codes.qrSvg(codes.uri(RFC_SECRET, "ada@example.com", "Baton"))
      assert.isTrue(svg.startsWith("<svg"))
      assert.include(svg, "</svg>")
    }))
})
