import { assert, describe, it } from "@effect/vitest"
import { DateTime, Option } from "effect"
import { ApiToken, shouldRecordUse } from "../../../src/domain/identity/ApiToken.js"
import { Device, Session, shouldTouch } from "../../../src/domain/identity/Session.js"
import { AccountId, ApiTokenId, SessionId } from "../../../src/domain/shared/Ids.js"

const at = (seconds: number) => DateTime.unsafeMake(1_700_000_000_000 + seconds * 1000)

const token = (lastUsed: Option.Option<number>) =>
  new ApiToken({
    id: ApiTokenId.make("token-1"),
    accountId: AccountId.make("account-ada"),
    name: "ci",
    scopes: [],
    hint: "baton_pat_ab",
    createdAt: at(0),
    expiresAt: Option.none(),
    lastUsedAt: Option.map(lastUsed, at),
    revokedAt: Option.none()
  })

const session = (lastSeen: number) =>
  new Session({
    id: SessionId.make("session-1"),
    accountId: AccountId.make("account-ada"),
    kind: "full",
    authEpoch: 0,
    device: new Device({ userAgent: "curl/8.5.0", ip: "203.0.113.7" }),
    createdAt: at(0),
    lastSeenAt: at(lastSeen),
    authenticatedAt: at(0),
    expiresAt: at(43_200),
    revokedAt: Option.none()
  })

describe("recording uses at most once a minute", () => {
  it("records a token's first use, then again only once its last recorded use is a minute old", () => {
    assert.isTrue(shouldRecordUse(token(Option.none()), at(10)))
    assert.isFalse(shouldRecordUse(token(Option.some(10)), at(69)))
    assert.isTrue(shouldRecordUse(token(Option.some(10)), at(70)))
  })

  it("touches a session once its last-seen stamp is a minute old (the committed-read cache trusts it until then)", () => {
    assert.isFalse(shouldTouch(session(10), at(69)))
    assert.isTrue(shouldTouch(session(10), at(70)))
  })
})
