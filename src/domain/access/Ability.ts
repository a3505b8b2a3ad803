import { Record as Rec, Schema } from "effect"

/**
 * What an ability is granted on. A `platform` ability exists only platform-wide (inviting admins,
 * creating tenants); a `tenant` ability is exercised inside one tenant, and a platform-wide grant of
 * it reaches every tenant.
 */
export type AbilityScope = "platform" | "tenant"

export interface AbilityDefinition {
  readonly scope: AbilityScope
  /** Exercising it changes nothing: the read-only `platform-operator` role holds every such ability. */
  readonly readOnly: boolean
  /** It needs the password proven in the session within the last ten minutes (never by an API token). */
  readonly fresh: boolean
  readonly description: string
}

const platform = (description: string, options: { readonly readOnly?: boolean; readonly fresh?: boolean } = {}): AbilityDefinition => ({
  scope: "platform",
  readOnly: options.readOnly ?? false,
  fresh: options.fresh ?? false,
  description
})

const tenant = (description: string, options: { readonly readOnly?: boolean; readonly fresh?: boolean } = {}): AbilityDefinition => ({
  ...platform(description, options),
  scope: "tenant"
})

const read = { readOnly: true } as const
const sensitive = { fresh: true } as const

/** The catalogue of abilities: every permission check in baton names one of these. */
export const abilities = {
  "admins.read": platform("See platform admins and their state", read),
  "admins.invite": platform("Invite platform admins"),
  "admins.suspend": platform("Suspend and reinstate admins", sensitive),
  "admins.disable": platform("Disable admins for good", sensitive),
  "roles.grant": platform("Grant and revoke platform roles", sensitive),
  "settings.write": platform("Change platform settings and feature flags"),
  "tenants.create": platform("Create tenants"),
  "tenants.suspend": platform("Suspend and reinstate tenants"),
  "modules.register": platform("Register module versions in the registry"),
  "modules.publish": platform("Publish and deprecate module versions"),
  "tenants.read": tenant("See the tenant", read),
  "settings.read": tenant("Read settings and the tenant's overrides", read),
  "settings.override": tenant("Override tenant-scoped settings for the tenant"),
  "members.read": tenant("List the tenant's members and their roles", read),
  "members.manage": tenant("Register, remove members and change their roles"),
  "roles.manage": tenant("Define the tenant's custom roles"),
  "audit.read": tenant("Read the audit trail", read),
  "webhooks.manage": tenant("Configure the tenant's webhook endpoints"),
  "modules.read": tenant("See modules and the tenant's installations", read),
  "modules.install": tenant("Install, upgrade and uninstall modules for the tenant"),
  "digitalcards.read": tenant("See digital cards and templates", read),
  "digitalcards.manage": tenant("Issue and change digital cards and templates"),
  "commerce.read": tenant("See orders, customers and inventory", read),
  "commerce.manage": tenant("Manage the catalogue, customers and inventory"),
  "commerce.checkout": tenant("Place orders (checkout)"),
  "supply.read": tenant("See supply-chain data", read),
  "supply.manage": tenant("Load and change items, warehouses, orders and vendors"),
  "supply.plan": tenant("Compute ATP, replenishment and balancing proposals", read),
  "supply.approve": tenant("Approve proposals into purchase and transfer orders"),
  "supply.cost": tenant("Post landed costs"),
  "supply.dropship": tenant("Start and cancel dropship fulfilment of sales order lines"),
  "supply.returns": tenant("Authorise, receive and settle returns; run dropship fulfilment"),
  "returns.read": tenant("See return authorisations (RMAs), their history and amounts", read),
  "returns.request": tenant("Request returns (RMAs) for shipped sales-order lines"),
  "returns.receive": tenant("Record the receipt and inspection of returned goods (warehouse staff)")
} as const satisfies Record<string, AbilityDefinition>

export type Ability = keyof typeof abilities

const keys = Rec.keys(abilities) as ReadonlyArray<Ability>

export const Ability = Schema.Literal(...(keys as [Ability, ...Array<Ability>]))

/** Every ability, in catalogue order. */
export const allAbilities: ReadonlyArray<Ability> = keys

export const definitionOf = (ability: Ability): AbilityDefinition => abilities[ability]

/** The abilities a tenant role may hold (custom roles are made of these only). */
export const tenantAbilities: ReadonlyArray<Ability> = keys.filter((key) => abilities[key].scope === "tenant")
