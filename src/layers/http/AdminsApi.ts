import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { PlatformRoleName } from "../../domain/access/PlatformRoles.js"
import { DisplayName } from "../../domain/identity/Account.js"
import { InvalidTransition } from "../../domain/identity/AdminLifecycle.js"
import * as O from "../../domain/identity/AdminOutcomes.js"
import { EmailTaken, PasswordRejected } from "../../domain/identity/AuthOutcomes.js"
import { AccountId } from "../../domain/shared/Ids.js"
import { ValidationFailed } from "../../domain/shared/Outcomes.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"

/** An account id in a path: the ids baton mints (UUIDs, `id-000001`), so never a `.` or `..` segment, which URLs cannot carry. */
const AdminId = AccountId.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/, { message: () => "must be an account id" }))
const AdminPath = allIssues(Schema.Struct({ id: AdminId }))
const RolePath = allIssues(Schema.Struct({ id: AdminId, role: PlatformRoleName }))
const Reason = allIssues(Schema.Struct({ reason: Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(500)) }))
const conflict = { status: 409 } as const

/** The outcomes of a lifecycle step: 409 when the lifecycle or its invariants refuse it. */
const lifecycleStep = <const Name extends string, const Method extends "POST" | "DELETE">(endpoint: HttpApiEndpoint.HttpApiEndpoint<Name, Method>, summary: string) =>
  withRefusals(endpoint.setPath(AdminPath))
    .addSuccess(InvalidTransition, conflict)
    .addSuccess(O.LastPlatformAdmin, conflict)
    .addSuccess(O.CannotTargetSelf, conflict)
    .annotate(OpenApi.Summary, summary)

/** Platform admins: the directory, invitations, suspension, disabling and platform roles (`Authorization: Bearer …`). */
export class AdminsApi extends HttpApiGroup.make("admins")
  .add(withRefusals(HttpApiEndpoint.get("list", "/admins")).addSuccess(O.AdminList).annotate(OpenApi.Summary, "Accounts holding a platform role"))
  .add(withRefusals(HttpApiEndpoint.get("get", "/admins/:id").setPath(AdminPath)).addSuccess(O.Admin).annotate(OpenApi.Summary, "One platform admin"))
  .add(
    withRefusals(HttpApiEndpoint.post("invite", "/admins/invitations"))
      .setPayload(allIssues(Schema.Struct({
        email: Schema.String.pipe(Schema.maxLength(320)),
        displayName: DisplayName,
        role: Schema.optional(PlatformRoleName)
      })))
      .addSuccess(O.AdminInvited, { status: 201 })
      .addSuccess(EmailTaken, conflict)
      .addSuccess(ValidationFailed, { status: 422 })
      .annotate(OpenApi.Summary, "Invite a platform admin (platform-operator unless a role is named); the token goes to the invitee")
  )
  .add(
    lifecycleStep(HttpApiEndpoint.post("suspend", "/admins/:id/suspension"), "Suspend an admin: every session and API token ends at once")
      .setPayload(Reason)
      .addSuccess(O.AdminSuspended)
  )
  .add(lifecycleStep(HttpApiEndpoint.del("reinstate", "/admins/:id/suspension"), "Reinstate a suspended admin (old sessions and tokens stay ended)").addSuccess(O.AdminReinstated))
  .add(
    lifecycleStep(HttpApiEndpoint.post("disable", "/admins/:id/disable"), "Disable an admin for good")
      .setPayload(Reason)
      .addSuccess(O.AdminDisabled)
  )
  .add(
    withRefusals(HttpApiEndpoint.put("grantRole", "/admins/:id/roles/:role").setPath(RolePath))
      .addSuccess(O.PlatformRoleGranted)
      .addSuccess(O.CannotTargetSelf, conflict)
      .annotate(OpenApi.Summary, "Grant a platform role (the account's sessions end: it logs in again)")
  )
  .add(
    withRefusals(HttpApiEndpoint.del("revokeRole", "/admins/:id/roles/:role").setPath(RolePath))
      .addSuccess(O.PlatformRoleRevoked)
      .addSuccess(O.LastPlatformAdmin, conflict)
      .addSuccess(O.CannotTargetSelf, conflict)
      .annotate(OpenApi.Summary, "Revoke a platform role (the account's sessions end at once)")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Admins")
{}

/** Accepting an invitation: the token is the credential (no bearer). */
export class AdminInvitationsApi extends HttpApiGroup.make("adminInvitations")
  .add(
    HttpApiEndpoint.post("accept", "/invitations/accept")
      .setPayload(allIssues(Schema.Struct({ token: Schema.String.pipe(Schema.maxLength(256)), password: Schema.String.pipe(Schema.maxLength(1024)) })))
      .addSuccess(O.InviteAccepted)
      .addSuccess(O.InviteInvalid, { status: 410 })
      .addSuccess(PasswordRejected, { status: 422 })
      .annotate(OpenApi.Summary, "Accept an invitation: set the password; the account becomes active")
  )
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Admin invitations")
{}
