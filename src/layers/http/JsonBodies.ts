import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { DateTime } from "effect"
import type { Account } from "../../domain/identity/Account.js"
import type { Member } from "../../domain/identity/Membership.js"
import type { MemberList } from "../../domain/identity/TenantOutcomes.js"
import type { Me } from "./IdentityApi.js"

/**
 * The JSON bodies of the most frequent reads (`GET /me`, a page of members), written directly
 * from values the repositories have decoded. `Schema.encode` would first validate every field of
 * every class again (≈ 5 µs a member). Each function writes exactly the JSON text of what
 * `Schema.encode` of the endpoint's success schema writes: `test/layers/http/JsonBodies.test.ts`
 * checks them against it on generated values. The schemas stay the contract of the OpenAPI document.
 */

/**
 * The JSON text of a value that never changes, written once per instance. Remembered reads
 * (`layers/sql/CommittedReads.ts`) serve the same account and members (the same instances) to
 * every request until a commit changes them, so their text is written once, not on every request.
 */
const textOnce = <A extends object>(write: (value: A) => unknown) => {
  const texts = new WeakMap<A, string>()
  return (value: A): string => {
    let text = texts.get(value)
    if (text === undefined) {
      text = JSON.stringify(write(value))
      texts.set(value, text)
    }
    return text
  }
}

const account = textOnce((value: Account) => ({
  id: value.id,
  email: value.email,
  displayName: value.displayName,
  status: value.status,
  authEpoch: value.authEpoch,
  createdAt: DateTime.formatIso(value.createdAt)
}))

const member = textOnce((value: Member) => ({
  accountId: value.accountId,
  email: value.email,
  displayName: value.displayName,
  status: value.status,
  roles: value.roles,
  joinedAt: DateTime.formatIso(value.joinedAt)
}))

/** The body of `GET /me`. */
export const me = (value: Pick<Me, "account" | "totpEnabled">): string =>
  `{"_tag":"Me","account":${account(value.account)},"totpEnabled":${value.totpEnabled}}`

/** The body of a page of members. */
export const memberList = (value: MemberList): string =>
  `{"_tag":"MemberList","members":[${value.members.map(member).join(",")}]${value.next === undefined ? "" : `,"next":${JSON.stringify(value.next)}`}}`

/** A 200 response with `body`, JSON text. */
export const ok = (body: string) => HttpServerResponse.text(body, { contentType: "application/json" })
