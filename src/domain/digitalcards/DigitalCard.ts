import { Schema } from "effect"
import { Email } from "../identity/Email.js"

export const TemplateId = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(64), Schema.brand("CardTemplateId"))
export type TemplateId = typeof TemplateId.Type

export const CardId = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(64), Schema.brand("DigitalCardId"))
export type CardId = typeof CardId.Type

/** The platform-wide designs a template may use (seeded by DigitalCard's landlord migration). */
export const Design = Schema.Literal("classic", "midnight", "sunrise")
export type Design = typeof Design.Type

export const TemplateName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(80))
export const HolderName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(120))

/** A tenant's card template: a name and a design. */
export class CardTemplate extends Schema.Class<CardTemplate>("CardTemplate")({
  id: TemplateId,
  name: TemplateName,
  design: Design,
  createdAt: Schema.DateTimeUtc
}) {}

/** A card issued to a holder (a contact of the Contacts module) from a template. */
export class DigitalCard extends Schema.Class<DigitalCard>("DigitalCard")({
  id: CardId,
  templateId: TemplateId,
  contactId: Schema.String,
  holderName: HolderName,
  holderEmail: Email,
  serial: Schema.String,
  status: Schema.Literal("active", "revoked"),
  issuedAt: Schema.DateTimeUtc,
  revokedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc)
}) {}

export class TemplateCreated extends Schema.TaggedClass<TemplateCreated>()("TemplateCreated", { template: CardTemplate }) {}
export class TemplateList extends Schema.TaggedClass<TemplateList>()("TemplateList", { templates: Schema.Array(CardTemplate) }) {}
export class CardIssued extends Schema.TaggedClass<CardIssued>()("CardIssued", { card: DigitalCard }) {}
export class CardFound extends Schema.TaggedClass<CardFound>()("CardFound", { card: DigitalCard }) {}
export class CardRevoked extends Schema.TaggedClass<CardRevoked>()("CardRevoked", { card: DigitalCard }) {}
export class CardList extends Schema.TaggedClass<CardList>()("CardList", { cards: Schema.Array(DigitalCard) }) {}

/** The template does not exist in the tenant. */
export class UnknownTemplate extends Schema.TaggedClass<UnknownTemplate>()("UnknownTemplate", { templateId: Schema.String }) {}

/** A card's serial: the tenant-unique, human-readable number printed on it. */
export const serialFor = (sequence: number): string => `DC-${String(sequence).padStart(6, "0")}`
