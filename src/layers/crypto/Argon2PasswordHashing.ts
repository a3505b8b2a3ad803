import { randomBytes } from "node:crypto"
import { type Algorithm, hash, type Options, parseOptions, verify, type Version } from "@node-rs/argon2"
import { Effect, Layer } from "effect"
import { type Argon2Parameters, PasswordHashing, recommended } from "./PasswordHashing.js"

// The package's enums are `const enum`s, which isolated modules cannot read: their values, spelled out.
const ARGON2ID: Algorithm = 2
const VERSION_0X13: Version = 1

const outdated = (phc: string, params: Argon2Parameters): boolean => {
  try {
    const used = parseOptions(phc)
    return used.algorithm !== ARGON2ID || used.version !== VERSION_0X13 || used.memoryCost !== params.memoryCost ||
      used.timeCost !== params.timeCost || used.parallelism !== params.parallelism
  } catch {
    return true
  }
}

/** `@node-rs/argon2`'s options for Argon2id (version 0x13) with `params`. */
export const options = (params: Argon2Parameters): Options => ({ ...params, algorithm: ARGON2ID, version: VERSION_0X13 })

/**
 * Argon2id with `params`, on libuv's thread pool (the event loop is not blocked). A stored hash
 * that does not decode verifies as `false` and is logged, never thrown.
 */
export const make = (params: Argon2Parameters) =>
  Effect.gen(function*() {
    const argon2id = options(params)
    const hashWith = (password: string) => Effect.promise((signal) => hash(password, argon2id, signal))
    const check = (phc: string, password: string) =>
      Effect.tryPromise((signal) => verify(phc, password, null, signal)).pipe(
        Effect.catchAll(() =>
          Effect.as(Effect.logError("PasswordHashing.verify: a stored password hash does not decode; the password is refused"), false)
        )
      )
    // Verified against for unknown accounts, so that they take the time of a real verification.
    const dummy = yield* hashWith(randomBytes(32).toString("base64url"))
    return PasswordHashing.of({
      hash: hashWith,
      verify: (phc, password) => Effect.map(check(phc, password), (valid) => ({ valid, needsRehash: outdated(phc, params) })),
      verifyNothing: (password) => Effect.as(check(dummy, password), false as const)
    })
  })

/** Password hashing with Argon2id; `recommended` (OWASP: m = 19 MiB, t = 2, p = 1) unless told otherwise. */
export const layer = (params: Argon2Parameters = recommended): Layer.Layer<PasswordHashing> =>
  Layer.effect(PasswordHashing, make(params))
