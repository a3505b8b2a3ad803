import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { defineRole, listRoles } from "../../orchestration/access/manageRoles.js"
import { changeMemberRoles, listMembers, removeMember } from "../../orchestration/identity/manageMembers.js"
import { registerUser } from "../../orchestration/identity/registerUser.js"
import { Effect } from "effect"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Roles } from "../../orchestration/access/Roles.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { Invitations } from "../../orchestration/identity/Invitations.js"
import { Memberships } from "../../orchestration/identity/Memberships.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"
import { Authentication } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import * as JsonBodies from "./JsonBodies.js"
import type { MembersApi, RolesApi } from "./MembersApi.js"

/** Handlers of the `members` group, for any API that contains it. */
export const memberHandlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof MembersApi>>) =>
  group
    .handle("list", ({ path, urlParams }) =>
      asCaller((actor) => listMembers(actor, path.id, urlParams)).pipe(
        Effect.map((outcome) => outcome._tag === "MemberList" ? JsonBodies.ok(JsonBodies.memberList(outcome)) : outcome)
      ))
    .handle("register", ({ path, payload }) => asCaller((actor) => registerUser(actor, path.id, payload)))
    .handle("changeRoles", ({ path, payload }) => asCaller((actor) => changeMemberRoles(actor, path.id, path.accountId, payload.roles)))
    .handle("remove", ({ path }) => asCaller((actor) => removeMember(actor, path.id, path.accountId)))

/** Handlers of the `roles` group, for any API that contains it. */
export const roleHandlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof RolesApi>>) =>
  group
    .handle("list", () => asCaller((actor) => listRoles(actor, AccessScope.platform)))
    .handle("listInTenant", ({ path }) => asCaller((actor) => listRoles(actor, AccessScope.tenant(path.id))))
    .handle("define", ({ path, payload }) => asCaller((actor) => defineRole(actor, path.id, payload)))

/** The `members` group, built with only the services its handlers use (`builtWithOnly`). */
export const membersLayer = HttpApiBuilder.group(BatonApi, "members", memberHandlers).pipe(
  builtWithOnly(Authentication, Accounts, AuditTrail, AuthorizationResolver, Ids, Invitations, Memberships, Notifications, Roles, Settings, Transactions)
)
/** The `roles` group, built with only the services its handlers use (`builtWithOnly`). */
export const rolesLayer = HttpApiBuilder.group(BatonApi, "roles", roleHandlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Roles, Transactions)
)
