import { createRequire } from "node:module"
import type { dictionary } from "@zxcvbn-ts/language-common"

let common: ReadonlySet<string> | undefined

// The list ships compressed (about 49,000 lower-case passwords): it is decompressed on first use only.
const load = (): ReadonlySet<string> => {
  if (common === undefined) {
    const language = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as { readonly dictionary: typeof dictionary }
    common = new Set(language.dictionary["passwords-common"])
  }
  return common
}

/**
 * Whether a (lower-cased) candidate is one of the common passwords of `@zxcvbn-ts/language-common`
 * (frequency lists of leaked passwords), which ASVS asks to refuse.
 */
export const isCommon = (candidate: string): boolean => load().has(candidate)

/** How many passwords the list holds. */
export const size = (): number => load().size
