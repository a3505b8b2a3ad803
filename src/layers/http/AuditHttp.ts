import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect, Option } from "effect"
import { AuditFilter } from "../../domain/audit/AuditQuery.js"
import { queryAudit } from "../../orchestration/audit/queryAudit.js"
import { verifyAuditChain } from "../../orchestration/audit/verifyAuditChain.js"
import type { AuditApi } from "./AuditApi.js"
import { Authentication, CurrentActor } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import { AuditLog } from "../../orchestration/audit/AuditLog.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `audit` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof AuditApi>>) =>
  group
    .handle("query", ({ urlParams: { cursor, limit, order, tenant, ...filter } }) =>
      CurrentActor.pipe(
        Effect.flatMap((actor) =>
          queryAudit(actor, { filter: new AuditFilter({ ...filter, tenantId: tenant }), after: Option.fromNullable(cursor), limit, order })
        ),
        unavailable
      ))
    .handle("verify", () => CurrentActor.pipe(Effect.flatMap(verifyAuditChain), unavailable))

/** The `audit` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "audit", handlers).pipe(
  builtWithOnly(Authentication, AuditLog, AuditTrail, AuthorizationResolver, Notifications, Tenants)
)
