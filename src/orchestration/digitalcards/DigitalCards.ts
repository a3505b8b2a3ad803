import { Context, type DateTime, type Effect, type Option } from "effect"
import type { CardId, CardTemplate, DigitalCard, TemplateId } from "../../domain/digitalcards/DigitalCard.js"
import type { Email } from "../../domain/identity/Email.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { RepositoryError } from "../shared/RepositoryError.js"

export interface NewCard {
  readonly id: CardId
  readonly templateId: TemplateId
  readonly holderName: string
  readonly holderEmail: Email
  /** The contact id to use when the holder is not a contact of the tenant yet. */
  readonly contactId: string
  readonly issuedAt: DateTime.Utc
}

/**
 * The DigitalCard module's data, in each tenant's own storage: templates, and cards issued to
 * contacts of the Contacts module (a holder not yet a contact becomes one). Every method is scoped
 * by the tenant it names and reads only that tenant's storage.
 */
export class DigitalCards extends Context.Tag("baton/digitalcards/DigitalCards")<DigitalCards, {
  readonly addTemplate: (tenantId: TenantId, template: CardTemplate) => Effect.Effect<void, RepositoryError>
  readonly templates: (tenantId: TenantId) => Effect.Effect<ReadonlyArray<CardTemplate>, RepositoryError>
  readonly findTemplate: (tenantId: TenantId, id: TemplateId) => Effect.Effect<Option.Option<CardTemplate>, RepositoryError>
  /** Issues a card with the tenant's next serial, adding the holder to the contacts (by email) if needed. */
  readonly issue: (tenantId: TenantId, card: NewCard) => Effect.Effect<DigitalCard, RepositoryError>
  readonly find: (tenantId: TenantId, id: CardId) => Effect.Effect<Option.Option<DigitalCard>, RepositoryError>
  /** The tenant's cards, newest first, at most `limit`. */
  readonly list: (tenantId: TenantId, limit: number) => Effect.Effect<ReadonlyArray<DigitalCard>, RepositoryError>
  /** Revokes an active card; the card as it is after, if it exists. */
  readonly revoke: (tenantId: TenantId, id: CardId, at: DateTime.Utc) => Effect.Effect<Option.Option<DigitalCard>, RepositoryError>
}>() {}
