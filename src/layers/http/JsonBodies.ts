import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { DateTime } from "effect"
import type { Account } from "../../domain/identity/Account.js"
import type { MemberList } from "../../domain/identity/TenantOutcomes.js"
import type { Me } from "./IdentityApi.js"

/**
 * The JSON bodies of the most frequent reads (`GET /me`, a page of members), written directly
 * from values the repositories have decoded. `Schema.encode` would first validate every field of
 * every class again (≈ 5 µs a member). Each function writes exactly what `Schema.encode` of the
 * endpoint's success schema writes: `test/layers/http/JsonBodies.test.ts` checks them against it
 * on generated values. The schemas stay the contract of the OpenAPI document.
 */
const account = (value: Account) => ({
  id: value.id,
  email: value.email,
  displayName: value.displayName,
  status: value.status,
  authEpoch: value.authEpoch,
  createdAt: DateTime.formatIso(value.createdAt)
})

export const me = (value: Pick<Me, "account" | "totpEnabled">) => ({ _tag: "Me" as const, account: account(value.account), totpEnabled: value.totpEnabled })

export const memberList = (value: MemberList) => ({
  _tag: "MemberList" as const,
  members: value.members.map((member) => ({
    accountId: member.accountId,
    email: member.email,
    displayName: member.displayName,
    status: member.status,
    roles: member.roles,
    joinedAt: DateTime.formatIso(member.joinedAt)
  })),
  ...(value.next === undefined ? {} : { next: value.next })
})

/** A 200 response with `body` as JSON. */
export const ok = (body: unknown) => HttpServerResponse.unsafeJson(body)
