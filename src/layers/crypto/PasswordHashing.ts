import { Context, type Effect } from "effect"

/** Argon2id parameters (OWASP: m = 19 MiB, t = 2, p = 1). */
export interface Argon2Parameters {
  readonly memoryCost: number
  readonly timeCost: number
  readonly parallelism: number
}

export const recommended: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

/**
 * OWASP's minimum memory (KiB) for Argon2id by number of passes (its equivalent configurations:
 * m = 47104 t = 1, 19456 × 2, 12288 × 3, 9216 × 4, 7168 × 5); more passes do not go lower.
 */
const minimumMemoryKiB = (passes: number): number => [47104, 19456, 12288, 9216][passes - 1] ?? 7168

/** Why `params` are weaker than OWASP's minimum for Argon2id, if they are. */
export const belowMinimum = (params: Argon2Parameters): string | undefined =>
  params.memoryCost < minimumMemoryKiB(params.timeCost)
    ? `with ${params.timeCost} pass(es) the memory must be at least ${minimumMemoryKiB(params.timeCost)} KiB ` +
      "(OWASP's minimum for Argon2id: 47104 KiB × 1, 19456 × 2, 12288 × 3, 9216 × 4, 7168 × 5 or more)"
    : undefined

/** Password hashing for the credential adapters (not a port: orchestrators never hash). */
export class PasswordHashing extends Context.Tag("baton/layers/crypto/PasswordHashing")<PasswordHashing, {
  /** An Argon2id PHC string of `password` with the current parameters. */
  readonly hash: (password: string) => Effect.Effect<string>
  /** Whether `password` matches `phc`, and whether `phc` was made with other parameters than the current ones. */
  readonly verify: (phc: string, password: string) => Effect.Effect<{ readonly valid: boolean; readonly needsRehash: boolean }>
  /** Spends the time of one verification (for unknown accounts); always false. */
  readonly verifyNothing: (password: string) => Effect.Effect<false>
}>() {}
