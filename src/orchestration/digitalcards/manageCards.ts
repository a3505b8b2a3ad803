import { DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { CardFound, CardId, CardIssued, CardList, CardRevoked, type TemplateId, UnknownTemplate } from "../../domain/digitalcards/DigitalCard.js"
import type { Email } from "../../domain/identity/Email.js"
import type { ModuleNotActive } from "../../domain/modules/InstallationOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize, type Refusal } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { DigitalCards } from "./DigitalCards.js"
import { requireActive } from "./requireActive.js"

/** Authorizes, then checks that DigitalCard is active in the tenant: the refusal or outcome to return, if any. */
const gate = (actor: Actor, tenantId: TenantId, ability: "digitalcards.read" | "digitalcards.manage") =>
  Effect.gen(function*() {
    const refused = yield* authorize(actor, ability, AccessScope.tenant(tenantId))
    if (Option.isSome(refused)) return Option.some<Refusal | ModuleNotActive>(refused.value)
    return yield* requireActive(tenantId)
  })

const audit = (actor: Actor, tenantId: TenantId, outcome: string, card: string) =>
  Effect.flatMap(AuditTrail, (trail) =>
    trail.record(new AuditIntent({ action: "digitalcards.manage", actor, outcome, tenantId, target: new AuditTarget({ type: "digital-card", id: card }) })))

/** The tenant's cards, newest first. `CardList | ModuleNotActive`, or a refusal. */
export const listCards = fn("DigitalCards.listCards")(function*(actor: Actor, tenantId: TenantId, limit: number) {
  const stop = yield* gate(actor, tenantId, "digitalcards.read")
  if (Option.isSome(stop)) return stop.value
  return new CardList({ cards: yield* (yield* DigitalCards).list(tenantId, limit) })
})

/** One card. `CardFound | NotFound | ModuleNotActive`, or a refusal. */
export const getCard = fn("DigitalCards.getCard")(function*(actor: Actor, tenantId: TenantId, id: CardId) {
  const stop = yield* gate(actor, tenantId, "digitalcards.read")
  if (Option.isSome(stop)) return stop.value
  return Option.match(yield* (yield* DigitalCards).find(tenantId, id), {
    onNone: () => new NotFound({ entity: "digital card", id }),
    onSome: (card) => new CardFound({ card })
  })
})

/** Issues a card from a template to a holder (a contact of the tenant). `CardIssued | UnknownTemplate | ModuleNotActive`, or a refusal. */
export const issueCard = fn("DigitalCards.issueCard")(function*(
  actor: Actor,
  tenantId: TenantId,
  input: { readonly templateId: TemplateId; readonly holderName: string; readonly holderEmail: Email }
) {
  const stop = yield* gate(actor, tenantId, "digitalcards.manage")
  if (Option.isSome(stop)) return stop.value
  const cards = yield* DigitalCards
  if (Option.isNone(yield* cards.findTemplate(tenantId, input.templateId))) return new UnknownTemplate({ templateId: input.templateId })
  const ids = yield* Ids
  const id = CardId.make(yield* ids.next)
  const card = yield* (yield* Transactions).withTransaction(
    Effect.tap(cards.issue(tenantId, { ...input, id, contactId: yield* ids.next, issuedAt: yield* DateTime.now }), () => audit(actor, tenantId, "CardIssued", id))
  )
  return new CardIssued({ card })
})

/** Revokes a card (a revoked card stays revoked). `CardRevoked | NotFound | ModuleNotActive`, or a refusal. */
export const revokeCard = fn("DigitalCards.revokeCard")(function*(actor: Actor, tenantId: TenantId, id: CardId) {
  const stop = yield* gate(actor, tenantId, "digitalcards.manage")
  if (Option.isSome(stop)) return stop.value
  const cards = yield* DigitalCards
  const revoked = yield* (yield* Transactions).withTransaction(
    Effect.tap(cards.revoke(tenantId, id, yield* DateTime.now), (card) => (Option.isSome(card) ? audit(actor, tenantId, "CardRevoked", id) : Effect.void))
  )
  return Option.match(revoked, { onNone: () => new NotFound({ entity: "digital card", id }), onSome: (card) => new CardRevoked({ card }) })
})
