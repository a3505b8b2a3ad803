import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect } from "effect"
import type { Actor } from "../../domain/shared/Actor.js"
import { getCard, issueCard, listCards, revokeCard } from "../../orchestration/digitalcards/manageCards.js"
import { createTemplate, listTemplates } from "../../orchestration/digitalcards/manageTemplates.js"
import { Authentication, CurrentActor } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import type { DigitalCardsApi } from "./DigitalCardsApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { DigitalCards } from "../../orchestration/digitalcards/DigitalCards.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

const asActor = <A, E, R>(operation: (actor: Actor) => Effect.Effect<A, E, R>) => CurrentActor.pipe(Effect.flatMap(operation), unavailable)

/** Handlers of the `digitalcards` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof DigitalCardsApi>>) =>
  group
    .handle("list", ({ path, urlParams }) => asActor((actor) => listCards(actor, path.id, urlParams.limit)))
    .handle("issue", ({ path, payload }) => asActor((actor) => issueCard(actor, path.id, payload)))
    .handle("templates", ({ path }) => asActor((actor) => listTemplates(actor, path.id)))
    .handle("createTemplate", ({ path, payload }) => asActor((actor) => createTemplate(actor, path.id, payload)))
    .handle("get", ({ path }) => asActor((actor) => getCard(actor, path.id, path.cardId)))
    .handle("revoke", ({ path }) => asActor((actor) => revokeCard(actor, path.id, path.cardId)))

/** The `digitalcards` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "digitalcards", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, DigitalCards, Ids, Installations, Transactions)
)
