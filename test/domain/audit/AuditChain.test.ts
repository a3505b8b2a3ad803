import { assert, describe, it } from "@effect/vitest"
import { createHash } from "node:crypto"
import { DateTime, FastCheck as fc } from "effect"
import { canonical, ChainHead, emptyHead, fieldsOf, nextLink, type StoredLink } from "../../../src/domain/audit/AuditChain.js"
import { verifyLinks } from "../../../src/domain/audit/ChainVerification.js"
import { AuditIntent, AuditRecord } from "../../../src/domain/audit/AuditIntent.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { IntentId } from "../../../src/domain/shared/Ids.js"

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

const record = (n: number, action: string) =>
  new AuditRecord({
    id: IntentId.make(`r${n}`),
    occurredAt: DateTime.unsafeMake(1_800_000_000_000 + n),
    intent: new AuditIntent({ action, actor: new SystemActor({ component: "test" }), outcome: "Done" })
  })

const chainOf = (actions: ReadonlyArray<string>) => {
  let head: ChainHead = emptyHead
  const links: Array<StoredLink> = []
  for (const [n, action] of actions.entries()) {
    const link = nextLink(fieldsOf(record(n, action)), head, sha256)
    links.push(link)
    head = new ChainHead({ sequence: link.sequence, hash: link.hash })
  }
  return { links, head }
}

const verdictOf = (links: ReadonlyArray<StoredLink>, head: ChainHead) => {
  const v = verifyLinks(links, head, sha256)
  return v._tag === "Intact" ? ["Intact", v.records] : [v.reason, v.at]
}

const actions = fc.array(fc.constantFrom("auth.login", "settings.set", "roles.grant"), { minLength: 2, maxLength: 30 })

describe("the audit hash chain", () => {
  it("hashes every stored field, in a fixed order, with the previous hash", () => {
    const { links } = chainOf(["auth.login", "settings.set"])
    const [first, second] = links
    assert.strictEqual(first?.previousHash, "0".repeat(64))
    assert.strictEqual(second?.previousHash, first?.hash)
    assert.strictEqual(first?.hash, sha256(canonical({ ...first!, sequence: 1, previousHash: "0".repeat(64) })))
    assert.notStrictEqual(sha256(canonical({ ...first!, sequence: 1, previousHash: "0".repeat(64), reason: "" })), first?.hash, "null and empty differ")
  })

  it("property: a chain as appended verifies intact with its head", () => {
    fc.assert(fc.property(actions, (list) => {
      const { head, links } = chainOf(list)
      assert.deepStrictEqual(verdictOf(links, head), ["Intact", list.length])
    }))
  })

  it("property: editing any field of any record breaks the chain exactly there", () => {
    const fields = ["action", "actor", "outcome", "record", "tenantId", "occurredAt", "previousHash"] as const
    fc.assert(fc.property(actions, fc.nat(), fc.constantFrom(...fields), (list, pick, field) => {
      const { head, links } = chainOf(list)
      const at = pick % links.length
      const edited = links.map((link, i) =>
        i !== at ? link : { ...link, [field]: field === "occurredAt" ? link.occurredAt + 1 : `${String(link[field])}!` }
      )
      assert.deepStrictEqual(verdictOf(edited, head), ["edited", at + 1])
    }))
  })

  it("property: deleting any record is reported: missing in the middle, truncated at the end", () => {
    fc.assert(fc.property(actions, fc.nat(), (list, pick) => {
      const { head, links } = chainOf(list)
      const at = pick % links.length
      const expected = at === links.length - 1 ? ["truncated", at + 1] : ["missing", at + 1]
      assert.deepStrictEqual(verdictOf(links.filter((_, i) => i !== at), head), expected)
    }))
  })

  it("property: records swapped and re-hashed by someone who knows the algorithm are reported reordered", () => {
    fc.assert(fc.property(actions, fc.nat(), (list, pick) => {
      const { head, links } = chainOf(list)
      const a = pick % (links.length - 1)
      const rehash = (link: StoredLink, sequence: number): StoredLink => {
        const moved = { ...link, sequence, previousHash: link.previousHash! }
        return { ...moved, hash: sha256(canonical(moved)) }
      }
      const swapped = links.map((link, i) => (i === a ? rehash(links[a + 1]!, a + 1) : i === a + 1 ? rehash(links[a]!, a + 2) : link))
      assert.deepStrictEqual(verdictOf(swapped, head), ["reordered", a + 1])
    }))
  })
})
