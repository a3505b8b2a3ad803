import { Context, type Effect } from "effect"

/** Argon2id parameters (OWASP: m = 19 MiB, t = 2, p = 1). */
export interface Argon2Parameters {
  readonly memoryCost: number
  readonly timeCost: number
  readonly parallelism: number
}

export const recommended: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** Password hashing for the credential adapters (not a port: orchestrators never hash). */
export class PasswordHashing extends Context.Tag("baton/layers/crypto/PasswordHashing")<PasswordHashing, {
  /** An Argon2id PHC string of `password` with the current parameters. */
  readonly hash: (password: string) => Effect.Effect<string>
  /** Whether `password` matches `phc`, and whether `phc` was made with other parameters than the current ones. */
  readonly verify: (phc: string, password: string) => Effect.Effect<{ readonly valid: boolean; readonly needsRehash: boolean }>
  /** Spends the time of one verification (for unknown accounts); always false. */
  readonly verifyNothing: (password: string) => Effect.Effect<false>
}>() {}
