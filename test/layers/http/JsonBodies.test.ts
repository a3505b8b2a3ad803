import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { MemberList } from "../../../src/domain/identity/TenantOutcomes.js"
import { Me } from "../../../src/layers/http/IdentityApi.js"
import * as JsonBodies from "../../../src/layers/http/JsonBodies.js"

/** The body `Schema.encode` writes, as it reaches the wire. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe("hand-written JSON bodies", () => {
  it("GET /me: the body is what Schema.encode(Me) writes", () => {
    const encode = Schema.encodeSync(Me)
    fc.assert(fc.property(Arbitrary.make(Me), (me) => {
      assert.deepStrictEqual(wire(JsonBodies.me(me)), wire(encode(me)))
    }), { numRuns: 300 })
  })

  it("a page of members: the body is what Schema.encode(MemberList) writes, with and without a next cursor", () => {
    const encode = Schema.encodeSync(MemberList)
    fc.assert(fc.property(Arbitrary.make(MemberList), (list) => {
      assert.deepStrictEqual(wire(JsonBodies.memberList(list)), wire(encode(list)))
    }), { numRuns: 300 })
  })
})
