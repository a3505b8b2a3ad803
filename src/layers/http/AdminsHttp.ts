import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect } from "effect"
import { grantPlatformRole } from "../../orchestration/access/grantPlatformRole.js"
import { revokePlatformRole } from "../../orchestration/access/revokePlatformRole.js"
import { acceptInvite } from "../../orchestration/identity/acceptInvite.js"
import { disableAdmin, reinstateAdmin, suspendAdmin } from "../../orchestration/identity/changeAdminStatus.js"
import { inviteAdmin } from "../../orchestration/identity/inviteAdmin.js"
import { getAdmin, listAdmins } from "../../orchestration/identity/listAdmins.js"
import type { AdminInvitationsApi, AdminsApi } from "./AdminsApi.js"
import { Authentication, requestDevice } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import { AccessRevocation } from "../../orchestration/identity/AccessRevocation.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { Admins } from "../../orchestration/identity/Admins.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { Invitations } from "../../orchestration/identity/Invitations.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"
import { Credentials } from "../../orchestration/identity/Credentials.js"

/** Handlers of the `admins` group, for any API that contains it. */
export const adminsHandlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof AdminsApi>>) =>
  group
    .handle("list", () => asCaller(listAdmins))
    .handle("get", ({ path }) => asCaller((actor) => getAdmin(actor, path.id)))
    .handle("invite", ({ payload }) => asCaller((actor) => inviteAdmin(actor, payload)))
    .handle("suspend", ({ path, payload }) => asCaller((actor) => suspendAdmin(actor, path.id, payload.reason)))
    .handle("reinstate", ({ path }) => asCaller((actor) => reinstateAdmin(actor, path.id)))
    .handle("disable", ({ path, payload }) => asCaller((actor) => disableAdmin(actor, path.id, payload.reason)))
    .handle("grantRole", ({ path }) => asCaller((actor) => grantPlatformRole(actor, path.id, path.role)))
    .handle("revokeRole", ({ path }) => asCaller((actor) => revokePlatformRole(actor, path.id, path.role)))

/** Handlers of the `adminInvitations` group (no bearer), for any API that contains it. */
export const invitationsHandlers = <E, P, R>(
  group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof AdminInvitationsApi>>
) => group.handle("accept", ({ payload }) => requestDevice.pipe(Effect.flatMap((device) => acceptInvite(payload.token, payload.password, device)), unavailable))

/** The `admins` group, built with only the services its handlers use (`builtWithOnly`). */
export const adminsLayer = HttpApiBuilder.group(BatonApi, "admins", adminsHandlers).pipe(
  builtWithOnly(Authentication, AccessRevocation, Accounts, Admins, AuditTrail, AuthorizationResolver, Ids, Invitations, Notifications, Roles, Transactions)
)
/** The `adminInvitations` group, built with only the services its handlers use (`builtWithOnly`). */
export const invitationsLayer = HttpApiBuilder.group(BatonApi, "adminInvitations", invitationsHandlers).pipe(
  builtWithOnly(Accounts, AuditTrail, Credentials, Invitations, Notifications, Transactions)
)
