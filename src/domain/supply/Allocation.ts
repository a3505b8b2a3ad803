import { ContractViolation } from "../shared/Defects.js"

/**
 * Largest-remainder (Hamilton) apportionment in exact integer arithmetic: `total` minor units
 * split in proportion to `weights` so that the parts sum to `total` exactly and each part is
 * within one unit of its exact share total·wᵢ/Σw. Every part first gets the floor of its
 * share; the units left over go one each to the largest remainders (ties: the earlier line).
 */
export const largestRemainder = (total: bigint, weights: ReadonlyArray<bigint>): ReadonlyArray<bigint> => {
  const sum = weights.reduce((a, b) => a + b, 0n)
  if (sum <= 0n) throw new ContractViolation({ message: "largestRemainder: the weights must sum to a positive number" })
  if (weights.some((w) => w < 0n)) throw new ContractViolation({ message: "largestRemainder: weights must not be negative" })
  const sign = total < 0n ? -1n : 1n
  const magnitude = total * sign
  const floors = weights.map((w) => (magnitude * w) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (magnitude * w) % sum }))
  let left = magnitude - floors.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const parts = [...floors]
  for (const { i } of remainders) {
    if (left === 0n) break
    parts[i] = (parts[i] ?? 0n) + 1n
    left--
  }
  return parts.map((p) => p * sign)
}

/** A ratio a/b as a decimal string with `decimals` places, rounded half up (for explanations). */
export const ratioText = (numerator: bigint, denominator: bigint, decimals: number): string => {
  const scale = 10n ** BigInt(decimals)
  const negative = (numerator < 0n) !== (denominator < 0n)
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const scaled = (n * scale * 2n + d) / (2n * d)
  const digits = scaled.toString().padStart(decimals + 1, "0")
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
  return negative && scaled !== 0n ? `-${text}` : text
}
