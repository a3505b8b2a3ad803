import * as HttpApi from "@effect/platform/HttpApi"
import * as OpenApi from "@effect/platform/OpenApi"
import { AdminInvitationsApi, AdminsApi } from "./AdminsApi.js"
import { AuditApi } from "./AuditApi.js"
import { CommerceApi } from "./CommerceApi.js"
import { DigitalCardsApi } from "./DigitalCardsApi.js"
import { DropshipApi } from "./DropshipApi.js"
import { HealthApi } from "./HealthApi.js"
import { AuthApi, MeApi } from "./IdentityApi.js"
import { MembersApi, RolesApi } from "./MembersApi.js"
import { ModulesApi } from "./ModulesApi.js"
import { NotificationsApi } from "./NotificationsApi.js"
import { ReturnsApi } from "./ReturnsApi.js"
import { SettingsApi } from "./SettingsApi.js"
import { SupplyApi } from "./SupplyApi.js"
import { SupplyDataApi } from "./SupplyDataApi.js"
import { TenantsApi } from "./TenantsApi.js"
import { VendorCallbacksApi } from "./VendorCallbacksApi.js"

/** The HTTP contract of baton. Hosts may mount its groups in their own `HttpApi`. */
export class BatonApi extends HttpApi.make("baton")
  .add(HealthApi)
  .add(AuthApi)
  .add(MeApi)
  .add(TenantsApi)
  .add(MembersApi)
  .add(RolesApi)
  .add(SettingsApi)
  .add(AuditApi)
  .add(NotificationsApi)
  .add(AdminsApi)
  .add(AdminInvitationsApi)
  .add(SupplyApi)
  .add(SupplyDataApi)
  .add(ReturnsApi)
  .add(CommerceApi)
  .add(ModulesApi)
  .add(DigitalCardsApi)
  .add(DropshipApi)
  .add(VendorCallbacksApi)
  .annotate(OpenApi.Title, "baton")
  .annotate(OpenApi.Description, "Orchestration core for multi-tenant admin platforms")
  .annotate(OpenApi.Version, "0.1.0")
{}
