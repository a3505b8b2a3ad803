import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import * as BatonConfig from "../../../src/layers/config/BatonConfig.js"
import { belowMinimum, recommended } from "../../../src/layers/crypto/PasswordHashing.js"

const read = (entries: Record<string, string>) =>
  Effect.either(BatonConfig.passwordHashing).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries)))))

describe("configuration: Argon2id parameters and bounded settings", () => {
  it.effect("default to OWASP's recommendation (m = 19 MiB, t = 2, p = 1)", () =>
    Effect.gen(function*() {
      const params = yield* read({})
      assert.deepStrictEqual(params._tag === "Right" ? params.right : params.left, recommended)
    }))

  it.effect("take stronger values", () =>
    Effect.gen(function*() {
      const params = yield* read({ BATON_ARGON2_MEMORY_KIB: "65536", BATON_ARGON2_PASSES: "3", BATON_ARGON2_PARALLELISM: "2" })
      assert.deepStrictEqual(params._tag === "Right" ? params.right : params.left, { memoryCost: 65536, timeCost: 3, parallelism: 2 })
    }))

  it.effect("accept each of OWASP's equivalent minimums and nothing weaker", () =>
    Effect.gen(function*() {
      for (const [memoryCost, timeCost] of [[47104, 1], [19456, 2], [12288, 3], [9216, 4], [7168, 5]] as const) {
        assert.isUndefined(belowMinimum({ memoryCost, timeCost, parallelism: 1 }), `${memoryCost} × ${timeCost}`)
        assert.isDefined(belowMinimum({ memoryCost: memoryCost - 1, timeCost, parallelism: 1 }), `${memoryCost - 1} × ${timeCost}`)
      }
      assert.isDefined(belowMinimum({ memoryCost: 7167, timeCost: 20, parallelism: 1 }), "memory under the floor, whatever the passes")
    }))

  it.effect("refuse weak or malformed values with an error naming the variable", () =>
    Effect.gen(function*() {
      const weak = yield* read({ BATON_ARGON2_MEMORY_KIB: "19456", BATON_ARGON2_PASSES: "1" })
      assert.strictEqual(weak._tag, "Left")
      assert.include(String(weak._tag === "Left" ? weak.left : ""), "BATON_ARGON2_MEMORY_KIB")
      assert.include(String(weak._tag === "Left" ? weak.left : ""), "with 1 pass(es) the memory must be at least 47104 KiB")
      for (const entries of [{ BATON_ARGON2_MEMORY_KIB: "lots" }, { BATON_ARGON2_PASSES: "0" }, { BATON_ARGON2_PARALLELISM: "64" }]) {
        const refused = yield* read(entries)
        assert.strictEqual(refused._tag, "Left", JSON.stringify(entries))
        assert.include(String(refused._tag === "Left" ? refused.left : ""), Object.keys(entries)[0]!)
      }
    }))

  it.effect("like every bounded setting: an out-of-range value names the variable and its bounds", () =>
    Effect.gen(function*() {
      const refused = yield* Effect.either(BatonConfig.dispatcher).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["BATON_OUTBOX_GATHER_MS", "5000"]])))
      )
      assert.strictEqual(refused._tag, "Left")
      assert.include(String(refused._tag === "Left" ? refused.left : ""), "BATON_OUTBOX_GATHER_MS")
      assert.include(String(refused._tag === "Left" ? refused.left : ""), "must be between 0 and 1000")
    }))
})
