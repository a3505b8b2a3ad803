import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import * as D from "../../domain/digitalcards/DigitalCard.js"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { ModuleNotActive } from "../../domain/modules/InstallationOutcomes.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

const inactive = { status: 404 } as const
const tenant = allIssues(Schema.Struct({ id: TenantId }))
const card = allIssues(Schema.Struct({ id: TenantId, cardId: D.CardId }))

/** DigitalCard's endpoints: they answer only in tenants where the module is active (else 404 `ModuleNotActive`). */
export class DigitalCardsApi extends HttpApiGroup.make("digitalcards")
  .add(
    withRefusals(
      HttpApiEndpoint.get("list", "/tenants/:id/digital-cards")
        .setPath(tenant)
        .setUrlParams(allIssues(Schema.Struct({ limit: Schema.optionalWith(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 500)), { default: () => 100 }) })))
        .addSuccess(D.CardList)
        .addSuccess(ModuleNotActive, inactive)
    ).annotate(OpenApi.Summary, "The tenant's cards, newest first")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("issue", "/tenants/:id/digital-cards")
        .setPath(tenant)
        .setPayload(allIssues(Schema.Struct({ templateId: D.TemplateId, holderName: D.HolderName, holderEmail: EmailFromInput })))
        .addSuccess(D.CardIssued, { status: 201 })
        .addSuccess(D.UnknownTemplate, { status: 422 })
        .addSuccess(ModuleNotActive, inactive)
    ).annotate(OpenApi.Summary, "Issue a card to a holder (who becomes a contact of the tenant)")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("templates", "/tenants/:id/digital-cards/templates").setPath(tenant).addSuccess(D.TemplateList).addSuccess(ModuleNotActive, inactive))
      .annotate(OpenApi.Summary, "The tenant's card templates")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("createTemplate", "/tenants/:id/digital-cards/templates")
        .setPath(tenant)
        .setPayload(allIssues(Schema.Struct({ name: D.TemplateName, design: D.Design })))
        .addSuccess(D.TemplateCreated, { status: 201 })
        .addSuccess(ModuleNotActive, inactive)
    ).annotate(OpenApi.Summary, "Add a card template")
  )
  .add(
    withRefusals(HttpApiEndpoint.get("get", "/tenants/:id/digital-cards/:cardId").setPath(card).addSuccess(D.CardFound).addSuccess(ModuleNotActive, inactive))
      .annotate(OpenApi.Summary, "One card")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.post("revoke", "/tenants/:id/digital-cards/:cardId/revocation").setPath(card).addSuccess(D.CardRevoked).addSuccess(ModuleNotActive, inactive)
    ).annotate(OpenApi.Summary, "Revoke a card")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Digital cards")
{}
