import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import { Schema } from "effect"
import { RoleExists, RoleRejected, UnknownRole } from "../../domain/access/AccessOutcomes.js"
import { RoleName } from "../../domain/access/Role.js"
import {
  AlreadyMember,
  MemberList,
  MemberRemoved,
  MemberRolesChanged,
  Registered,
  RoleDefined,
  RoleList
} from "../../domain/identity/TenantOutcomes.js"
import { AccountId, TenantId } from "../../domain/shared/Ids.js"
import { FeatureDisabled, ValidationFailed } from "../../domain/shared/Outcomes.js"
import { DefineRoleInput } from "../../orchestration/access/manageRoles.js"
import { RegisterUserInput } from "../../orchestration/identity/registerUser.js"
import { Authentication } from "./Authentication.js"
import { ServiceUnavailable } from "./HttpErrors.js"
import { allIssues } from "./Payload.js"
import { withRefusals } from "./Refusals.js"
import { TenantPath } from "./TenantsApi.js"

const MemberPath = allIssues(Schema.Struct({ id: TenantId, accountId: AccountId }))

const Page = allIssues(Schema.Struct({
  after: Schema.optional(Schema.String.pipe(Schema.maxLength(320))),
  limit: Schema.optionalWith(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 200)), { default: () => 50 })
}))

/** A tenant's members: register users, list them, change their roles, remove them. */
export class MembersApi extends HttpApiGroup.make("members")
  .add(
    withRefusals(HttpApiEndpoint.get("list", "/tenants/:id/members").setPath(TenantPath).setUrlParams(Page))
      .addSuccess(MemberList)
      .annotate(OpenApi.Summary, "The tenant's members and their roles, by email (cursor: `after` = the `next` of the previous page)")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("register", "/tenants/:id/members").setPath(TenantPath).setPayload(allIssues(RegisterUserInput)))
      .addSuccess(Registered, { status: 201 })
      .addSuccess(AlreadyMember, { status: 409 })
      .addSuccess(UnknownRole, { status: 422 })
      .addSuccess(ValidationFailed, { status: 422 })
      .addSuccess(FeatureDisabled, { status: 503 })
      .annotate(OpenApi.Summary, "Register a user into the tenant (the account is reused by email, or invited)")
  )
  .add(
    withRefusals(
      HttpApiEndpoint.put("changeRoles", "/tenants/:id/members/:accountId/roles")
        .setPath(MemberPath)
        .setPayload(allIssues(Schema.Struct({ roles: Schema.Array(RoleName).pipe(Schema.maxItems(32)) })))
    )
      .addSuccess(MemberRolesChanged)
      .addSuccess(UnknownRole, { status: 422 })
      .annotate(OpenApi.Summary, "Set the member's roles in the tenant (its sessions opened before end)")
  )
  .add(
    withRefusals(HttpApiEndpoint.del("remove", "/tenants/:id/members/:accountId").setPath(MemberPath))
      .addSuccess(MemberRemoved)
      .annotate(OpenApi.Summary, "Remove the member and its roles in the tenant")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Members")
{}

/** Roles: the built-in ones, and each tenant's custom ones. */
export class RolesApi extends HttpApiGroup.make("roles")
  .add(withRefusals(HttpApiEndpoint.get("list", "/roles")).addSuccess(RoleList).annotate(OpenApi.Summary, "The built-in roles"))
  .add(
    withRefusals(HttpApiEndpoint.get("listInTenant", "/tenants/:id/roles").setPath(TenantPath))
      .addSuccess(RoleList)
      .annotate(OpenApi.Summary, "The roles of the tenant: built-in and custom")
  )
  .add(
    withRefusals(HttpApiEndpoint.post("define", "/tenants/:id/roles").setPath(TenantPath).setPayload(allIssues(DefineRoleInput)))
      .addSuccess(RoleDefined, { status: 201 })
      .addSuccess(RoleExists, { status: 409 })
      .addSuccess(RoleRejected, { status: 422 })
      .annotate(OpenApi.Summary, "Define a custom role from tenant abilities")
  )
  .middleware(Authentication)
  .addError(ServiceUnavailable)
  .annotate(OpenApi.Title, "Roles")
{}
