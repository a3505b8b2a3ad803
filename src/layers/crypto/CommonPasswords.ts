import { createRequire } from "node:module"

type LanguageCommon = typeof import("@zxcvbn-ts/language-common")

let common: ReadonlySet<string> | undefined

// The list ships compressed (about 49,000 lower-case passwords); it is decompressed on first use only.
const load = (): ReadonlySet<string> =>
  (common ??= new Set((createRequire(import.meta.url)("@zxcvbn-ts/language-common") as LanguageCommon).dictionary["passwords-common"]))

/**
 * Whether a (lower-cased) candidate is one of the common passwords of `@zxcvbn-ts/language-common`
 * (leaked-password frequency lists), which ASVS asks to refuse.
 */
export const isCommon = (candidate: string): boolean => load().has(candidate)

/** How many passwords the list holds. */
export const size = (): number => load().size
