import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as UuidV7Ids from "../../../src/layers/crypto/UuidV7Ids.js"
import * as WebhookSignature from "../../../src/layers/crypto/WebhookSignature.js"
import { Ids } from "../../../src/orchestration/shared/Ids.js"

describe("UuidV7Ids", () => {
  it.effect("mints RFC 9562 version-7 ids that strictly increase, even within one millisecond", () =>
    Effect.gen(function*() {
      const ids = yield* Effect.replicateEffect((yield* Ids).next, 5000)
      for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      assert.isTrue(ids.every((id, i) => i === 0 || ids[i - 1]! < id))
      const ms = parseInt(ids[0]!.replace(/-/g, "").slice(0, 12), 16)
      assert.isBelow(Math.abs(ms - Date.now()), 60_000)
    }).pipe(Effect.provide(UuidV7Ids.layer)))
})

describe("WebhookSignature", () => {
  const secret = "s".repeat(32)
  const body = JSON.stringify({ kind: "settings.changed" })
  const now = 1_800_000_000

  it("verifies its own signature and refuses a changed body, another secret or an old timestamp", () => {
    const signature = WebhookSignature.sign(secret, body, now)
    assert.match(signature, /^t=1800000000,v1=[0-9a-f]{64}$/)
    const options = { nowSeconds: now + 10, toleranceSeconds: 300 }
    assert.isTrue(WebhookSignature.verify(secret, body, signature, options))
    assert.isFalse(WebhookSignature.verify(secret, `${body} `, signature, options))
    assert.isFalse(WebhookSignature.verify("t".repeat(32), body, signature, options))
    assert.isFalse(WebhookSignature.verify(secret, body, signature, { nowSeconds: now + 301, toleranceSeconds: 300 }))
    assert.isFalse(WebhookSignature.verify(secret, body, "garbage", options))
  })
})
