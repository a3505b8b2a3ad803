import { assert, describe, it } from "@effect/vitest"
import { DateTime, Equal, Hash, Option, Schema } from "effect"
import { AuditIntent, AuditRecord, AuditTarget } from "../../../src/domain/audit/AuditIntent.js"
import { Device, Session } from "../../../src/domain/identity/Session.js"
import { AnonymousActor } from "../../../src/domain/shared/Actor.js"
import { AccessScope, TenantScope } from "../../../src/domain/access/AccessScope.js"
import { MemberList } from "../../../src/domain/identity/TenantOutcomes.js"
import { constructor, fromDecoded } from "../../../src/domain/shared/Construct.js"
import { AccountId, IntentId, SessionId, TenantId } from "../../../src/domain/shared/Ids.js"

const now = DateTime.unsafeMake(1_800_000_000_000)
const intent = new AuditIntent({ action: "auth.login", actor: new AnonymousActor({ ip: "127.0.0.1", userAgent: "test" }), outcome: "Done", target: new AuditTarget({ type: "account", id: "a" }) })
const sessionProps = {
  id: SessionId.make("s-1"),
  accountId: AccountId.make("a-1"),
  kind: "full" as const,
  authEpoch: 0,
  device: new Device({ userAgent: "test", ip: "127.0.0.1" }),
  createdAt: now,
  lastSeenAt: now,
  authenticatedAt: now,
  expiresAt: now,
  revokedAt: Option.none()
}
const thrown = (f: () => unknown): string | undefined => {
  try {
    f()
    return undefined
  } catch (error) {
    return String(error)
  }
}

describe("constructor", () => {
  it("builds what `new` builds, tag included", () => {
    const record = constructor(AuditRecord)({ id: IntentId.make("i-1"), occurredAt: now, intent })
    assert.instanceOf(record, AuditRecord)
    assert.strictEqual(record._tag, "AuditRecord")
    assert.isTrue(Equal.equals(record, new AuditRecord({ id: IntentId.make("i-1"), occurredAt: now, intent })))
    const session = constructor(Session)(sessionProps)
    assert.instanceOf(session, Session)
    assert.isTrue(Equal.equals(session, new Session(sessionProps)))
  })

  it("refuses what `new` refuses, field by field", () => {
    const makeSession = constructor(Session)
    const makeRecord = constructor(AuditRecord)
    for (const bad of [{ ...sessionProps, authEpoch: -1 }, { ...sessionProps, kind: "other" as never }, { ...sessionProps, device: { userAgent: "u", ip: "1" } as never }]) {
      assert.isDefined(thrown(() => new Session(bad)))
      assert.isDefined(thrown(() => makeSession(bad)))
    }
    assert.isDefined(thrown(() => makeRecord({ id: IntentId.make("i-1"), occurredAt: now, intent: { action: "x" } as never })))
    assert.isDefined(thrown(() => makeRecord({ id: "" as never, occurredAt: now, intent })))
  })
})

describe("fromDecoded", () => {
  const same = <A extends object>(made: A, expected: A, schema: Schema.Schema<A, any>) => {
    assert.strictEqual(Object.getPrototypeOf(made), Object.getPrototypeOf(expected))
    assert.deepStrictEqual(Reflect.ownKeys(made).sort(), Reflect.ownKeys(expected).sort())
    assert.isTrue(Equal.equals(made, expected), `${JSON.stringify(made)} ${JSON.stringify(expected)}`)
    assert.strictEqual(Hash.hash(made), Hash.hash(expected))
    assert.isTrue(Schema.is(schema)(made))
    assert.deepStrictEqual(Schema.encodeSync(schema)(made), Schema.encodeSync(schema)(expected))
  }

  it("builds the instance `new` builds without validation: prototype, own fields, tag, equality, hash, encoding", () => {
    const tenant = TenantId.make("acme")
    same(AccessScope.tenant(tenant), new TenantScope({ tenantId: tenant }), TenantScope)
    const members: MemberList["members"] = []
    // with validation on, `new` would copy the array (and equality of arrays is by reference)
    same(fromDecoded(MemberList)({ members }), new MemberList({ members }, true), MemberList)
    same(fromDecoded(MemberList)({ members, next: "b@example.com" }), new MemberList({ members, next: "b@example.com" }, true), MemberList)
  })

  it("refuses a class with a constructor default, which it would miss", () => {
    class Page extends Schema.TaggedClass<Page>()("Page", { limit: Schema.optionalWith(Schema.Number, { default: () => 50 }) }) {}
    assert.throws(() => fromDecoded(Page), /Page has constructor defaults \(limit\)/)
  })
})
