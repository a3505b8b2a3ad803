import { createHash, randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Cause, ConfigError, ConfigProvider, Effect, Exit, Logger, Option } from "effect"
import { InvariantViolation } from "../../../src/domain/shared/Defects.js"
import * as AesGcmSecretBox from "../../../src/layers/crypto/AesGcmSecretBox.js"
import { SecretBox } from "../../../src/layers/crypto/SecretBox.js"

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
const oldKey = new Uint8Array(randomBytes(32))
const newKey = new Uint8Array(randomBytes(32))
const base64 = (key: Uint8Array) => Buffer.from(key).toString("base64")

const box = (current: Uint8Array, old: ReadonlyArray<Uint8Array> = []) =>
  Effect.provide(SecretBox, AesGcmSecretBox.layer(AesGcmSecretBox.keyring(current, old)))

/** The defect an effect dies with, asserting it is an InvariantViolation that does not tell the secret. */
const invariantViolation = <A>(effect: Effect.Effect<A>) =>
  Effect.map(Effect.exit(effect), (exit) => {
    assert.isTrue(Exit.isFailure(exit))
    const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
    assert.isTrue(Option.isSome(defect) && defect.value instanceof InvariantViolation, "dies with InvariantViolation")
    const message = Option.isSome(defect) && defect.value instanceof InvariantViolation ? defect.value.message : ""
    assert.notInclude(message, SECRET)
    return message
  })

const withConfig = (entries: Record<string, string>) => Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))

const tempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "baton-secretbox-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

describe("AesGcmSecretBox", () => {
  it.effect("seals into v1.<key id>.<nonce>.<ciphertext+tag> and opens again with the same associated data", () =>
    Effect.gen(function*() {
      const secretBox = yield* box(newKey)
      const sealed = yield* secretBox.seal(SECRET, "account-1")
      assert.match(sealed, /^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      assert.strictEqual(sealed.split(".")[1], createHash("sha256").update(newKey).digest("hex").slice(0, 8))
      assert.strictEqual(Buffer.from(sealed.split(".")[3]!, "base64url").length, SECRET.length + 16)
      assert.notInclude(sealed, SECRET)
      assert.notStrictEqual(yield* secretBox.seal(SECRET, "account-1"), sealed, "a fresh nonce each time")
      assert.strictEqual(yield* secretBox.open(sealed, "account-1"), SECRET)
    }))

  it.effect("dies with an InvariantViolation on a tampered value, and says nothing of the secret", () =>
    Effect.gen(function*() {
      const secretBox = yield* box(newKey)
      const [version, id, nonce, body] = (yield* secretBox.seal(SECRET, "account-1")).split(".")
      const bytes = Buffer.from(body!, "base64url")
      for (const at of [0, bytes.length - 1]) {
        const flipped = Buffer.from(bytes)
        flipped[at] = flipped[at]! ^ 0x01
        const message = yield* invariantViolation(secretBox.open(`${version}.${id}.${nonce}.${flipped.toString("base64url")}`, "account-1"))
        assert.include(message, "does not authenticate")
      }
      yield* invariantViolation(secretBox.open(`${version}.${id}.${nonce}.${bytes.subarray(0, 8).toString("base64url")}`, "account-1"))
      yield* invariantViolation(secretBox.open("not a sealed value", "account-1"))
    }))

  it.effect("dies with an InvariantViolation when opened for other associated data (a value copied to another account)", () =>
    Effect.gen(function*() {
      const secretBox = yield* box(newKey)
      const sealed = yield* secretBox.seal(SECRET, "account-1")
      yield* invariantViolation(secretBox.open(sealed, "account-2"))
    }))

  it.effect("rotates: values sealed with an old key still open while it is in the keyring; new values use the current key", () =>
    Effect.gen(function*() {
      const before = yield* box(oldKey)
      const sealedBefore = yield* before.seal(SECRET, "account-1")
      const after = yield* box(newKey, [oldKey])
      assert.strictEqual(yield* after.open(sealedBefore, "account-1"), SECRET)
      const sealedAfter = yield* after.seal(SECRET, "account-1")
      assert.strictEqual(sealedAfter.split(".")[1], AesGcmSecretBox.keyId(newKey))
      assert.notStrictEqual(AesGcmSecretBox.keyId(newKey), AesGcmSecretBox.keyId(oldKey))
      const message = yield* invariantViolation((yield* box(newKey)).open(sealedBefore, "account-1"))
      assert.include(message, `no key with id ${AesGcmSecretBox.keyId(oldKey)}`)
    }))

  it.scoped("generates encryption.key (mode 0600) on first start with a warning, and reuses it afterwards", () =>
    Effect.gen(function*() {
      const dir = yield* tempDir
      const warnings: Array<string> = []
      const capture = Logger.replace(Logger.defaultLogger, Logger.make(({ message }) => warnings.push(String(message))))
      const first = yield* Effect.provide(SecretBox, AesGcmSecretBox.layerConfig(join(dir, "data"))).pipe(Effect.provide(capture), withConfig({}))
      const file = join(dir, "data", "encryption.key")
      assert.strictEqual(statSync(file).mode & 0o777, 0o600)
      assert.strictEqual(Buffer.from(readFileSync(file, "utf8").trim(), "base64").length, 32)
      assert.strictEqual(warnings.length, 1)
      assert.include(warnings[0], "back it up")
      assert.include(warnings[0], "BATON_ENCRYPTION_KEY")
      const sealed = yield* first.seal(SECRET, "account-1")
      const second = yield* Effect.provide(SecretBox, AesGcmSecretBox.layerConfig(join(dir, "data"))).pipe(Effect.provide(capture), withConfig({}))
      assert.strictEqual(yield* second.open(sealed, "account-1"), SECRET)
      assert.strictEqual(warnings.length, 1, "no second warning")
    }))

  it.scoped("prefers BATON_ENCRYPTION_KEY, and opens with BATON_ENCRYPTION_OLD_KEYS after a rotation", () =>
    Effect.gen(function*() {
      const dir = yield* tempDir
      const fromConfig = (entries: Record<string, string>) =>
        Effect.provide(SecretBox, AesGcmSecretBox.layerConfig(dir)).pipe(withConfig(entries))
      const before = yield* fromConfig({ BATON_ENCRYPTION_KEY: base64(oldKey) })
      const sealed = yield* before.seal(SECRET, "account-1")
      assert.strictEqual(sealed.split(".")[1], AesGcmSecretBox.keyId(oldKey))
      const after = yield* fromConfig({ BATON_ENCRYPTION_KEY: base64(newKey), BATON_ENCRYPTION_OLD_KEYS: `${base64(randomBytes(32))}, ${base64(oldKey)}` })
      assert.strictEqual(yield* after.open(sealed, "account-1"), SECRET)
      assert.strictEqual((yield* after.seal(SECRET, "account-1")).split(".")[1], AesGcmSecretBox.keyId(newKey))
      assert.throws(() => statSync(join(dir, "encryption.key")), /ENOENT/)
    }))

  it.scoped("refuses malformed key material with a ConfigError naming the variable, not its value", () =>
    Effect.gen(function*() {
      const dir = yield* tempDir
      const failure = (entries: Record<string, string>) =>
        Effect.provide(SecretBox, AesGcmSecretBox.layerConfig(dir)).pipe(withConfig(entries), Effect.flip)
      for (const bad of ["not base64!", base64(randomBytes(16)), base64(randomBytes(33))]) {
        const error = yield* failure({ BATON_ENCRYPTION_KEY: bad })
        assert.isTrue(ConfigError.isConfigError(error))
        assert.include(String(error), "BATON_ENCRYPTION_KEY")
        assert.notInclude(String(error), bad)
      }
      const old = yield* failure({ BATON_ENCRYPTION_KEY: base64(newKey), BATON_ENCRYPTION_OLD_KEYS: `${base64(oldKey)},short` })
      assert.include(String(old), "BATON_ENCRYPTION_OLD_KEYS")
      writeFileSync(join(dir, "encryption.key"), "garbage\n")
      assert.include(String(yield* failure({})), "encryption.key")
    }))
})
