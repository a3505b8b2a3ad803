import * as HttpApi from "@effect/platform/HttpApi"
import * as OpenApi from "@effect/platform/OpenApi"
import { DigitalCardsApi } from "./DigitalCardsApi.js"
import { HealthApi } from "./HealthApi.js"
import { AuthApi, MeApi } from "./IdentityApi.js"
import { ModulesApi } from "./ModulesApi.js"

/** The HTTP contract of baton. Hosts may mount its groups in their own `HttpApi`. */
export class BatonApi extends HttpApi.make("baton")
  .add(HealthApi)
  .add(AuthApi)
  .add(MeApi)
  .add(ModulesApi)
  .add(DigitalCardsApi)
  .annotate(OpenApi.Title, "baton")
  .annotate(OpenApi.Description, "Orchestration core for multi-tenant admin platforms")
  .annotate(OpenApi.Version, "0.1.0")
{}
