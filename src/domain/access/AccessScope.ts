import { Schema } from "effect"
import { fromDecoded } from "../shared/Construct.js"
import { TenantId } from "../shared/Ids.js"

/** The whole platform. */
export class PlatformScope extends Schema.TaggedClass<PlatformScope>()("PlatformScope", {}) {}

/** One tenant. */
export class TenantScope extends Schema.TaggedClass<TenantScope>()("TenantScope", {
  tenantId: TenantId
}) {}

const tenantScope = fromDecoded(TenantScope)

/**
 * Where an ability is exercised (and where a role is granted). A `TenantId` is valid by its
 * brand (only its schema makes one), so `tenant` does not check it again (`fromDecoded`): it
 * runs on every tenant-scoped request.
 */
export const AccessScope = Object.assign(Schema.Union(PlatformScope, TenantScope), {
  platform: new PlatformScope(),
  tenant: (tenantId: TenantId): TenantScope => tenantScope({ tenantId })
})
export type AccessScope = typeof AccessScope.Type

/** `platform` or `tenant:<id>`, as written to the audit trail. */
export const scopeRef = (scope: AccessScope): string => (scope._tag === "PlatformScope" ? "platform" : `tenant:${scope.tenantId}`)
