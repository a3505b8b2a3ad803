import { DateTime, Effect, Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AuditIntent, AuditTarget } from "../../domain/audit/AuditIntent.js"
import { CardTemplate, type Design, TemplateCreated, TemplateId, TemplateList } from "../../domain/digitalcards/DigitalCard.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { authorize } from "../access/authorize.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { fn } from "../shared/Fn.js"
import { Ids } from "../shared/Ids.js"
import { Transactions } from "../shared/Transactions.js"
import { DigitalCards } from "./DigitalCards.js"
import { requireActive } from "./requireActive.js"

/** The tenant's card templates. `TemplateList | ModuleNotActive`, or a refusal. */
export const listTemplates = fn("DigitalCards.listTemplates")(function*(actor: Actor, tenantId: TenantId) {
  const refused = yield* authorize(actor, "digitalcards.read", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const inactive = yield* requireActive(tenantId)
  if (Option.isSome(inactive)) return inactive.value
  return new TemplateList({ templates: yield* (yield* DigitalCards).templates(tenantId) })
})

/** Adds a card template. `TemplateCreated | ModuleNotActive`, or a refusal. */
export const createTemplate = fn("DigitalCards.createTemplate")(function*(
  actor: Actor,
  tenantId: TenantId,
  input: { readonly name: string; readonly design: Design }
) {
  const refused = yield* authorize(actor, "digitalcards.manage", AccessScope.tenant(tenantId))
  if (Option.isSome(refused)) return refused.value
  const inactive = yield* requireActive(tenantId)
  if (Option.isSome(inactive)) return inactive.value
  const template = new CardTemplate({ id: TemplateId.make(yield* (yield* Ids).next), ...input, createdAt: yield* DateTime.now })
  const auditTrail = yield* AuditTrail
  yield* (yield* Transactions).withTransaction(Effect.zipRight(
    (yield* DigitalCards).addTemplate(tenantId, template),
    auditTrail.record(new AuditIntent({ action: "digitalcards.manage", actor, outcome: "TemplateCreated", tenantId, target: new AuditTarget({ type: "card-template", id: template.id }) }))
  ))
  return new TemplateCreated({ template })
})
