import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Array as Arr, Cause, Config, ConfigError, Effect, Either, Layer, Option, Redacted } from "effect"
import { ContractViolation, InvariantViolation } from "../../domain/shared/Defects.js"
import { SecretBox } from "./SecretBox.js"

/** The keys a box opens with, by key id, and the id of the one it seals with. Keys are 32 bytes. */
export interface Keyring {
  readonly current: string
  readonly keys: ReadonlyMap<string, Uint8Array>
}

/** A key's id: the first 8 hex characters of its SHA-256 (it tells which key sealed a value, nothing more). */
export const keyId = (key: Uint8Array): string => createHash("sha256").update(key).digest("hex").slice(0, 8)

/** A keyring holding `current` and `old` keys, sealing with `current`. */
export const keyring = (current: Uint8Array, old: ReadonlyArray<Uint8Array> = []): Keyring => ({
  current: keyId(current),
  keys: new Map([...old, current].map((key) => [keyId(key), key]))
})

const NONCE_BYTES = 12
const TAG_BYTES = 16

const unopenable = (reason: string) => Effect.die(new InvariantViolation({ message: `SecretBox.open: ${reason}` }))

/**
 * AES-256-GCM. A sealed value reads `v1.<key id>.<nonce>.<ciphertext and tag>` (base64url, a
 * random 12-byte nonce per value); the associated data is authenticated, not stored.
 */
export const make = (ring: Keyring) =>
  Effect.suspend(() => {
    const current = ring.keys.get(ring.current)
    if (current === undefined || [...ring.keys.values()].some((key) => key.length !== 32)) {
      return Effect.die(new ContractViolation({ message: "SecretBox: the current key must be in the keyring, and every key 32 bytes" }))
    }
    return Effect.succeed(SecretBox.of({
      seal: (plaintext, associatedData) =>
        Effect.sync(() => {
          const nonce = randomBytes(NONCE_BYTES)
          const cipher = createCipheriv("aes-256-gcm", current, nonce).setAAD(Buffer.from(associatedData, "utf8"))
          const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()])
          return `v1.${ring.current}.${nonce.toString("base64url")}.${body.toString("base64url")}`
        }),
      open: (sealed, associatedData) =>
        Effect.suspend(() => {
          const [version, id, nonceText, bodyText, ...rest] = sealed.split(".")
          if (version !== "v1" || id === undefined || nonceText === undefined || bodyText === undefined || rest.length > 0) {
            return unopenable("the value is not a sealed secret")
          }
          const key = ring.keys.get(id)
          if (key === undefined) return unopenable(`no key with id ${id} in the keyring (was BATON_ENCRYPTION_KEY rotated without BATON_ENCRYPTION_OLD_KEYS?)`)
          const nonce = Buffer.from(nonceText, "base64url")
          const body = Buffer.from(bodyText, "base64url")
          if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) return unopenable("the sealed value is truncated")
          try {
            const decipher = createDecipheriv("aes-256-gcm", key, nonce).setAAD(Buffer.from(associatedData, "utf8"))
            decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
            const plaintext = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()])
            return Effect.succeed(plaintext.toString("utf8"))
          } catch {
            return unopenable("the sealed value does not authenticate (tampered with, or sealed for other associated data)")
          }
        })
    }))
  })

export const layer = (ring: Keyring): Layer.Layer<SecretBox> => Layer.effect(SecretBox, make(ring))

const decodeKey = (text: string): Option.Option<Uint8Array> => {
  const trimmed = text.trim()
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return Option.none()
  const bytes = Buffer.from(trimmed, "base64")
  return bytes.length === 32 ? Option.some(new Uint8Array(bytes)) : Option.none()
}

const KEY_FORMAT = "must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)"

const configuredKeys = Config.all({
  current: Config.option(Config.redacted("BATON_ENCRYPTION_KEY")),
  old: Config.option(Config.redacted("BATON_ENCRYPTION_OLD_KEYS"))
}).pipe(Config.mapOrFail(({ current, old }) => {
  const key = Option.map(current, (value) => decodeKey(Redacted.value(value)))
  if (Option.exists(key, Option.isNone)) return Either.left(ConfigError.InvalidData(["BATON_ENCRYPTION_KEY"], KEY_FORMAT))
  const entries = Option.match(old, { onNone: () => [], onSome: (v) => Redacted.value(v).split(",").filter((s) => s.trim() !== "") })
  const oldKeys = entries.map(decodeKey)
  const bad = oldKeys.findIndex(Option.isNone)
  return bad >= 0
    ? Either.left(ConfigError.InvalidData(["BATON_ENCRYPTION_OLD_KEYS"], `entry ${bad + 1}: each comma-separated entry ${KEY_FORMAT}`))
    : Either.right({ current: Option.flatten(key), old: Arr.getSomes(oldKeys) })
}))

const errorCode = (error: unknown) => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined)

/** The key in `<dataDir>/encryption.key`, generated (mode 0600, with a warning) when there is none yet. */
const keyFile = (dataDir: string): Effect.Effect<Uint8Array, ConfigError.ConfigError> => {
  const file = join(dataDir, "encryption.key")
  const unavailable = (error: unknown) => ConfigError.SourceUnavailable([file], "cannot be read or written", Cause.fail(error))
  const read = Effect.gen(function*() {
    const text = yield* Effect.tryPromise({ try: () => readFile(file, "utf8"), catch: (error) => error }).pipe(
      Effect.map(Option.some),
      Effect.catchIf((error) => errorCode(error) === "ENOENT", () => Effect.succeedNone),
      Effect.mapError(unavailable)
    )
    if (Option.isNone(text)) return Option.none<Uint8Array>()
    const key = decodeKey(text.value)
    if (Option.isNone(key)) {
      return yield* Effect.fail(ConfigError.InvalidData([file], `${KEY_FORMAT}; restore it from a backup or set BATON_ENCRYPTION_KEY`))
    }
    return key
  })
  const generate = Effect.gen(function*() {
    const key = new Uint8Array(randomBytes(32))
    const written = yield* Effect.tryPromise({
      try: () =>
        mkdir(dataDir, { recursive: true }).then(() =>
          writeFile(file, `${Buffer.from(key).toString("base64")}\n`, { mode: 0o600, flag: "wx" })
        ),
      catch: (error) => error
    }).pipe(
      Effect.as(true),
      Effect.catchIf((error) => errorCode(error) === "EEXIST", () => Effect.succeed(false)),
      Effect.mapError(unavailable)
    )
    if (!written) {
      const existing = yield* read // another process created it first
      if (Option.isNone(existing)) return yield* Effect.dieMessage(`${file} vanished while being created`)
      return existing.value
    }
    yield* Effect.logWarning(
      `generated a new encryption key in ${file}: back it up, or set BATON_ENCRYPTION_KEY to its content; without it the stored TOTP secrets cannot be read`
    )
    return key
  })
  return Effect.flatMap(read, Option.match({ onNone: () => generate, onSome: Effect.succeed }))
}

/**
 * The box from configuration: `BATON_ENCRYPTION_KEY` (base64, 32 bytes) seals; each key of
 * `BATON_ENCRYPTION_OLD_KEYS` (comma-separated) still opens (rotation). Without
 * `BATON_ENCRYPTION_KEY`, the key is `<dataDir>/encryption.key`, generated on first start.
 */
export const layerConfig = (dataDir: string): Layer.Layer<SecretBox, ConfigError.ConfigError> =>
  Layer.effect(
    SecretBox,
    Effect.gen(function*() {
      const { current, old } = yield* configuredKeys
      const key = Option.isSome(current) ? current.value : yield* keyFile(dataDir)
      return yield* make(keyring(key, old))
    })
  )
