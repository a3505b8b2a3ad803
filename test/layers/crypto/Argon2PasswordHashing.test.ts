import { hash, type Algorithm } from "@node-rs/argon2"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Logger } from "effect"
import * as Argon2PasswordHashing from "../../../src/layers/crypto/Argon2PasswordHashing.js"
import { PasswordHashing, recommended } from "../../../src/layers/crypto/PasswordHashing.js"
import { fastHashing } from "../../support/CryptoLayers.js"

const ARGON2I: Algorithm = 1

describe("Argon2PasswordHashing", () => {
  it.live("hashes with Argon2id m=19456,t=2,p=1 under the recommended parameters, and verifies", () =>
    Effect.gen(function*() {
      const hashing = yield* PasswordHashing
      const phc = yield* hashing.hash("correct horse battery staple")
      assert.match(phc, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
      assert.deepStrictEqual(yield* hashing.verify(phc, "correct horse battery staple"), { valid: true, needsRehash: false })
      assert.deepStrictEqual(yield* hashing.verify(phc, "correct horse battery stapler"), { valid: false, needsRehash: false })
    }).pipe(Effect.provide(Argon2PasswordHashing.layer(recommended))))

  it.live("salts every hash", () =>
    Effect.gen(function*() {
      const hashing = yield* PasswordHashing
      const [a, b] = yield* Effect.all([hashing.hash("same"), hashing.hash("same")], { concurrency: 2 })
      assert.notStrictEqual(a, b)
      assert.isTrue((yield* hashing.verify(a, "same")).valid && (yield* hashing.verify(b, "same")).valid)
    }).pipe(Effect.provide(Argon2PasswordHashing.layer(fastHashing))))

  it.live("asks for a rehash when the stored parameters or algorithm differ from the current ones", () =>
    Effect.gen(function*() {
      const cheap = yield* PasswordHashing
      const stronger = yield* Effect.provide(PasswordHashing, Argon2PasswordHashing.layer({ ...fastHashing, timeCost: 2 }))
      const phc = yield* cheap.hash("secret")
      assert.deepStrictEqual(yield* stronger.verify(phc, "secret"), { valid: true, needsRehash: true })
      assert.deepStrictEqual(yield* stronger.verify(phc, "wrong"), { valid: false, needsRehash: true })
      const argon2i = yield* Effect.promise(() => hash("secret", { ...fastHashing, algorithm: ARGON2I }))
      assert.deepStrictEqual(yield* cheap.verify(argon2i, "secret"), { valid: true, needsRehash: true })
    }).pipe(Effect.provide(Argon2PasswordHashing.layer(fastHashing))))

  it.live("answers false for unknown accounts, whatever the password", () =>
    Effect.gen(function*() {
      const hashing = yield* PasswordHashing
      assert.isFalse(yield* hashing.verifyNothing("secret"))
      assert.isFalse(yield* hashing.verifyNothing(""))
    }).pipe(Effect.provide(Argon2PasswordHashing.layer(fastHashing))))

  it.live("refuses a malformed stored hash and logs it, without failing", () =>
    Effect.gen(function*() {
      const logged: Array<string> = []
      const capture = Logger.replace(Logger.defaultLogger, Logger.make(({ logLevel, message }) => logged.push(`${logLevel.label} ${String(message)}`)))
      const hashing = yield* PasswordHashing
      const result = yield* hashing.verify("$argon2id$garbage", "secret").pipe(Effect.provide(capture))
      assert.deepStrictEqual(result, { valid: false, needsRehash: true })
      assert.strictEqual(logged.length, 1)
      assert.match(logged[0]!, /^ERROR .*does not decode/)
    }).pipe(Effect.provide(Argon2PasswordHashing.layer(fastHashing))))
})
