import { randomFillSync } from "node:crypto"
import { Effect, Layer } from "effect"
import { Ids } from "../../orchestration/shared/Ids.js"

/**
 * UUIDv7 (RFC 9562): a 48-bit millisecond timestamp, then randomness. Ids minted by one process
 * are strictly increasing (a 12-bit counter orders those of the same millisecond), so they sort
 * in creation order and index well.
 */
export const make = Effect.sync(() => {
  let lastMs = 0
  let counter = 0
  const bytes = new Uint8Array(16)
  return Ids.of({
    next: Effect.sync(() => {
      let ms = Date.now()
      if (ms <= lastMs) {
        counter += 1
        if (counter > 0xfff) {
          lastMs += 1
          counter = 0
        }
        ms = lastMs
      } else {
        lastMs = ms
        counter = 0
      }
      randomFillSync(bytes)
      bytes[0] = Math.floor(ms / 2 ** 40) & 0xff
      bytes[1] = Math.floor(ms / 2 ** 32) & 0xff
      bytes[2] = (ms >>> 24) & 0xff
      bytes[3] = (ms >>> 16) & 0xff
      bytes[4] = (ms >>> 8) & 0xff
      bytes[5] = ms & 0xff
      bytes[6] = 0x70 | (counter >>> 8)
      bytes[7] = counter & 0xff
      bytes[8] = 0x80 | (bytes[8]! & 0x3f)
      const hex = Buffer.from(bytes).toString("hex")
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    })
  })
})

export const layer: Layer.Layer<Ids> = Layer.effect(Ids, make)
