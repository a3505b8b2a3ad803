import { Array as Arr, Either, Option, Schema } from "effect"
import { AccountId, TenantId } from "../shared/Ids.js"
import { Issue } from "../shared/Outcomes.js"
import { Ability, abilities, allAbilities, tenantAbilities } from "./Ability.js"

/** A role's name: lower-case words joined by dashes, unique within its tenant (or the platform). */
export const RoleName = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: () => "must be lower-case words joined by dashes" }),
  Schema.maxLength(48),
  Schema.brand("RoleName")
)
export type RoleName = typeof RoleName.Type

/**
 * A named set of abilities. Built-in roles exist everywhere (`tenantId` none); custom roles belong
 * to one tenant and hold tenant abilities only.
 */
export class Role extends Schema.Class<Role>("Role")({
  name: RoleName,
  tenantId: Schema.OptionFromNullOr(TenantId),
  description: Schema.String.pipe(Schema.maxLength(200)),
  abilities: Schema.Array(Ability),
  builtIn: Schema.Boolean,
  /** Where the role may be granted: platform-wide (platform roles) or in a tenant. */
  grantedOn: Schema.Literal("platform", "tenant")
}) {}

const builtIn = (name: string, grantedOn: "platform" | "tenant", description: string, held: ReadonlyArray<Ability>) =>
  new Role({ name: RoleName.make(name), tenantId: Option.none(), description, abilities: held, builtIn: true, grantedOn })

export const PlatformAdmin = builtIn("platform-admin", "platform", "Every ability, on the platform and in every tenant", allAbilities)
export const PlatformOperator = builtIn(
  "platform-operator",
  "platform",
  "Read-only: sees everything, changes nothing",
  allAbilities.filter((ability) => abilities[ability].readOnly)
)
export const TenantAdmin = builtIn("tenant-admin", "tenant", "Every tenant ability, in the tenant", tenantAbilities)
export const TenantMember = builtIn("tenant-member", "tenant", "Sees the tenant and uses its modules", [
  "tenants.read",
  "settings.read",
  "modules.read",
  "digitalcards.read",
  "commerce.read",
  "supply.read"
])

export const builtInRoles: ReadonlyArray<Role> = [PlatformAdmin, PlatformOperator, TenantAdmin, TenantMember]

export const findBuiltIn = (name: string): Option.Option<Role> => Arr.findFirst(builtInRoles, (role) => role.name === name)

/** A role granted to an account: platform-wide (`tenantId` none) or in one tenant. */
export class RoleGrant extends Schema.Class<RoleGrant>("RoleGrant")({
  accountId: AccountId,
  role: RoleName,
  tenantId: Schema.OptionFromNullOr(TenantId),
  grantedAt: Schema.DateTimeUtc
}) {}

/** A grant with the abilities its role holds, as the authorization decision reads it. */
export interface EffectiveGrant {
  readonly role: RoleName
  readonly tenantId: Option.Option<TenantId>
  readonly abilities: ReadonlyArray<Ability>
}

/**
 * Checks a custom role for a tenant: a name that is not a built-in role's, at least one ability,
 * tenant abilities only, no duplicates.
 */
export const validateCustomRole = (
  input: { readonly name: RoleName; readonly abilities: ReadonlyArray<Ability> }
): Either.Either<ReadonlyArray<Ability>, ReadonlyArray<Issue>> => {
  const issues: Array<Issue> = []
  if (Option.isSome(findBuiltIn(input.name))) issues.push(new Issue({ path: "name", message: "is a built-in role's name" }))
  if (input.abilities.length === 0) issues.push(new Issue({ path: "abilities", message: "must hold at least one ability" }))
  input.abilities.forEach((ability, i) => {
    if (abilities[ability].scope !== "tenant") {
      issues.push(new Issue({ path: `abilities[${i}]`, message: `${ability} is a platform ability: a tenant role cannot hold it` }))
    }
  })
  return issues.length > 0 ? Either.left(issues) : Either.right(Arr.dedupe(input.abilities))
}

/** Whether a role may be granted in that place: platform roles platform-wide, tenant roles in their tenant. */
export const grantableOn = (role: Role, tenant: Option.Option<TenantId>): boolean =>
  role.grantedOn === "platform"
    ? Option.isNone(tenant)
    : Option.isSome(tenant) && Option.match(role.tenantId, { onNone: () => true, onSome: (own) => own === tenant.value })
