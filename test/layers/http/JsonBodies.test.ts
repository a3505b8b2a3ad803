import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { MemberList } from "../../../src/domain/identity/TenantOutcomes.js"
import { Me } from "../../../src/layers/http/IdentityApi.js"
import * as JsonBodies from "../../../src/layers/http/JsonBodies.js"

/** The body `Schema.encode` writes, as it reaches the wire (read back: key order is not part of JSON). */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe("hand-written JSON bodies", () => {
  it("GET /me: the body is the text of what Schema.encode(Me) writes, the second time too", () => {
    const encode = Schema.encodeSync(Me)
    fc.assert(fc.property(Arbitrary.make(Me), (me) => {
      const body = JsonBodies.me(me)
      assert.deepStrictEqual(JSON.parse(body), wire(encode(me)))
      assert.strictEqual(JsonBodies.me(me), body)
    }), { numRuns: 300 })
  })

  it("a page of members: the body is the text of what Schema.encode(MemberList) writes, with and without a next cursor", () => {
    const encode = Schema.encodeSync(MemberList)
    fc.assert(fc.property(Arbitrary.make(MemberList), (list) => {
      assert.deepStrictEqual(JSON.parse(JsonBodies.memberList(list)), wire(encode(list)))
      const fewer = new MemberList({ members: list.members.slice(1) })
      assert.deepStrictEqual(JSON.parse(JsonBodies.memberList(fewer)), wire(encode(fewer)))
    }), { numRuns: 300 })
  })
})
