import { Schema } from "effect"
import { TenantId } from "../shared/Ids.js"

/**
 * A tenant's id is its slug: 3–40 lower-case letters, digits and dashes, starting with a letter,
 * not ending with a dash. It is permanent (it names the tenant's storage and URLs).
 */
export const TenantSlug: Schema.Schema<TenantId, string> = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/, {
    message: () => "must be 3–40 lower-case letters, digits or dashes, starting with a letter and not ending with a dash"
  }),
  Schema.brand("TenantId")
)

export const TenantName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(100))

/** Active tenants work; a suspended tenant's members cannot act inside it until it is reinstated. */
export const TenantStatus = Schema.Literal("active", "suspended")
export type TenantStatus = typeof TenantStatus.Type

export class Tenant extends Schema.Class<Tenant>("Tenant")({
  id: TenantId,
  name: TenantName,
  status: TenantStatus,
  createdAt: Schema.DateTimeUtc
}) {}
