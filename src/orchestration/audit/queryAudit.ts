import { Effect, Either, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import type { Reach } from "../../domain/access/Decision.js"
import { type AuditFilter, type AuditOrder, AuditPage, cursorAfter } from "../../domain/audit/AuditQuery.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { AuthorizationResolver } from "../access/AuthorizationResolver.js"
import { authorize, type Refusal } from "../access/authorize.js"
import { Tenants } from "../identity/Tenants.js"
import { fn } from "../shared/Fn.js"
import { AuditLog } from "./AuditLog.js"

export interface AuditQueryInput {
  readonly filter: AuditFilter
  readonly after: Option.Option<number>
  readonly limit: number
  readonly order: AuditOrder
}

const within = (tenants: ReadonlyArray<TenantId>): Reach => ({ _tag: "Tenants", tenants })
const allowed = (reach: Reach): Either.Either<Reach, Refusal> => Either.right(reach)

/** Authorizes `scope`; allowed, the actor reads `reach`. */
const checked = (actor: Actor, scope: AccessScope, reach: Reach) =>
  Effect.map(authorize(actor, "audit.read", scope), Option.match({ onNone: () => allowed(reach), onSome: Either.left }))

/**
 * Where the actor may read the audit trail: the tenant it filters on (authorized like any
 * tenant-scoped read), or everywhere its `audit.read` grants reach — platform-wide grants see
 * every record, records of no tenant included; tenant grants see their active tenants only.
 * An actor that reaches nowhere is refused, and the refusal audited, by `authorize`.
 */
const readable = Effect.fnUntraced(function*(actor: Actor, tenant: TenantId | undefined) {
  if (tenant !== undefined) return yield* checked(actor, AccessScope.tenant(tenant), within([tenant]))
  const reach = yield* (yield* AuthorizationResolver).reach(actor, "audit.read")
  if (reach._tag === "Everywhere") return allowed(reach)
  const active = (yield* (yield* Tenants).list(reach.tenants)).filter((t) => t.status === "active").map((t) => t.id)
  if (active.length > 0) return allowed(within(active))
  const first = reach.tenants[0]
  return yield* checked(actor, first === undefined ? AccessScope.platform : AccessScope.tenant(first), within([]))
})

/**
 * `GET /audit`: a page of the audit trail matching the filter, within what the actor may read,
 * by sequence number. `AuditPage | PermissionDenied | TenantNotActive | NotFound | ReauthenticationRequired`.
 */
export const queryAudit = fn("Audit.queryAudit")(function*(actor: Actor, input: AuditQueryInput) {
  const scope = yield* readable(actor, input.filter.tenantId)
  if (Either.isLeft(scope)) return scope.left
  const rows = yield* (yield* AuditLog).query({ ...input, scope: scope.right, limit: input.limit + 1 })
  const records = rows.slice(0, input.limit)
  const last = records[records.length - 1]
  return new AuditPage({ records, nextCursor: rows.length > input.limit && last !== undefined ? cursorAfter(last) : null })
})
