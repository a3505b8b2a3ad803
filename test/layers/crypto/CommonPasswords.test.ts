import { assert, describe, it } from "@effect/vitest"
import * as CommonPasswords from "../../../src/layers/crypto/CommonPasswords.js"

describe("CommonPasswords", () => {
  it("ships at least 10,000 common passwords", () => {
    assert.isAtLeast(CommonPasswords.size(), 10_000)
  })

  it("knows the usual suspects, lower-cased, and not a long random passphrase", () => {
    for (const common of ["password", "123456", "qwerty", "letmein", "iloveyou", "trustno1", "p@ssw0rd", "password1"]) {
      assert.isTrue(CommonPasswords.isCommon(common), common)
    }
    assert.isFalse(CommonPasswords.isCommon("xk9#qv-long-unlikely passphrase"))
    assert.isFalse(CommonPasswords.isCommon(""))
  })
})
