import { assert, describe, it } from "@effect/vitest"
import { DateTime, Equal, Option } from "effect"
import { AuditIntent, AuditRecord, AuditTarget } from "../../../src/domain/audit/AuditIntent.js"
import { Device, Session } from "../../../src/domain/identity/Session.js"
import { AnonymousActor } from "../../../src/domain/shared/Actor.js"
import { constructor } from "../../../src/domain/shared/Construct.js"
import { AccountId, IntentId, SessionId } from "../../../src/domain/shared/Ids.js"

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
