/**
 * Measures each of `keys` `rounds` times, the keys taking turns (so both sides of a ratio meet
 * the same spells of a shared machine), and keeps each key's best result by `score`. A turn may
 * answer several attempts (a round measured again because it had competition).
 */
export const bestOfTurns = async <K extends string, M>(
  keys: ReadonlyArray<K>,
  measure: (key: K) => Promise<ReadonlyArray<M>>,
  rounds: number,
  score: (measured: M) => number
): Promise<Record<K, M>> => {
  const best = new Map<K, M>()
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) {
      for (const measured of await measure(key)) {
        const kept = best.get(key)
        if (kept === undefined || score(measured) > score(kept)) best.set(key, measured)
      }
    }
  }
  return Object.fromEntries(best) as Record<K, M>
}
