import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { changeTenantStatus } from "../../orchestration/identity/changeTenantStatus.js"
import { createTenant } from "../../orchestration/identity/createTenant.js"
import { getTenant, listTenants } from "../../orchestration/identity/readTenants.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import type { TenantsApi } from "./TenantsApi.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Tenants } from "../../orchestration/identity/Tenants.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `tenants` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof TenantsApi>>) =>
  group
    .handle("list", () => asCaller(listTenants))
    .handle("create", ({ payload }) => asCaller((actor) => createTenant(actor, payload)))
    .handle("get", ({ path }) => asCaller((actor) => getTenant(actor, path.id)))
    .handle("suspend", ({ path, payload }) => asCaller((actor) => changeTenantStatus(actor, path.id, "suspended", payload.reason)))
    .handle("reinstate", ({ path }) => asCaller((actor) => changeTenantStatus(actor, path.id, "active", "reinstated")))

/** The `tenants` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "tenants", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Notifications, Tenants, Transactions)
)
