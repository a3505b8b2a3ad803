import semver from "semver"

/**
 * Semantic versions (semver.org 2.0.0) and npm-style ranges (`^1.2.0`, `~1.2`, `>=1 <3`, `1.x`,
 * `1.2.3 - 2`, `||`), as pure functions over strings. Pre-releases match a range only when the
 * range names a pre-release of the same version (npm's rule).
 */

/** Whether `value` is a strict semantic version (`1.2.3`, `1.0.0-rc.1`; not `v1.2` or `1.2`). */
export const isVersion = (value: string): boolean => semver.valid(value) === value

/** Whether `value` is a range (a version alone is a range that only it satisfies). */
export const isRange = (value: string): boolean => value.trim() !== "" && semver.validRange(value) !== null

/** Whether `version` satisfies `range`. */
export const satisfies = (version: string, range: string): boolean => semver.satisfies(version, range)

/** Orders versions by precedence, lowest first. */
export const compare = (a: string, b: string): -1 | 0 | 1 => semver.compare(a, b)

/** The highest of `versions` that satisfies every range of `ranges`, if any. */
export const highestSatisfying = (versions: ReadonlyArray<string>, ranges: ReadonlyArray<string>): string | undefined =>
  [...versions].sort((a, b) => compare(b, a)).find((version) => ranges.every((range) => satisfies(version, range)))
