import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Effect, Option } from "effect"
import type { Actor } from "../../domain/shared/Actor.js"
import { deprecateModule, publishModule } from "../../orchestration/modules/changeModuleStatus.js"
import { getJob, listInstalled } from "../../orchestration/modules/getJob.js"
import { listModules } from "../../orchestration/modules/listModules.js"
import { installPlan, uninstallPlan, upgradePlan } from "../../orchestration/modules/planModule.js"
import { registerModule } from "../../orchestration/modules/registerModule.js"
import { requestUninstall, requestUpgrade } from "../../orchestration/modules/requestChange.js"
import { requestInstall } from "../../orchestration/modules/requestInstall.js"
import { resolveJob } from "../../orchestration/modules/resolveJob.js"
import { retryJob } from "../../orchestration/modules/retryJob.js"
import { Authentication, CurrentActor } from "./Authentication.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import { jobEvents } from "./JobEvents.js"
import type { ModulesApi } from "./ModulesApi.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Entitlements } from "../../orchestration/modules/Entitlements.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { InstallationSignal } from "../../orchestration/modules/InstallationSignal.js"
import { Installations } from "../../orchestration/modules/Installations.js"
import { ModuleCatalogue } from "../../orchestration/modules/ModuleCatalogue.js"
import { ModuleRegistry } from "../../orchestration/modules/ModuleRegistry.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { TenantStorage } from "../../orchestration/modules/TenantStorage.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Runs an operation of the current actor; an outage answers 503. */
const asActor = <A, E, R>(operation: (actor: Actor) => Effect.Effect<A, E, R>) => CurrentActor.pipe(Effect.flatMap(operation), unavailable)

/** Handlers of the `modules` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof ModulesApi>>) =>
  group
    .handle("list", () => asActor((actor) => listModules(actor)))
    .handle("get", ({ path }) => asActor((actor) => listModules(actor, path.name)))
    .handle("register", ({ payload }) => asActor((actor) => registerModule(actor, payload)))
    .handle("publish", ({ path }) => asActor((actor) => publishModule(actor, path.name, path.version)))
    .handle("deprecate", ({ path }) => asActor((actor) => deprecateModule(actor, path.name, path.version)))
    .handle("installed", ({ path }) => asActor((actor) => listInstalled(actor, path.id)))
    .handle("installPlan", ({ path, urlParams }) => asActor((actor) => installPlan(actor, path.id, path.name, urlParams.version)))
    .handle("uninstallPlan", ({ path }) => asActor((actor) => uninstallPlan(actor, path.id, path.name)))
    .handle("upgradePlan", ({ path, urlParams }) => asActor((actor) => upgradePlan(actor, path.id, path.name, urlParams.version)))
    .handle("install", ({ headers, path, payload }) =>
      asActor((actor) =>
        requestInstall(actor, { tenantId: path.id, module: path.name, range: payload.version, idempotencyKey: Option.fromNullable(headers["idempotency-key"]) })
      ))
    .handle("upgrade", ({ path, payload }) => asActor((actor) => requestUpgrade(actor, { tenantId: path.id, module: path.name, range: payload.version })))
    .handle("uninstall", ({ path }) => asActor((actor) => requestUninstall(actor, { tenantId: path.id, module: path.name, range: "*" })))
    .handle("job", ({ path }) => asActor((actor) => getJob(actor, path.id)))
    .handleRaw("events", ({ path }) => asActor((actor) => jobEvents(actor, path.id)))
    .handle("retry", ({ path }) => asActor((actor) => retryJob(actor, path.id)))
    .handle("resolve", ({ path, payload }) => asActor((actor) => resolveJob(actor, path.id, payload.action, payload.note)))

/** The `modules` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "modules", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Entitlements, Ids, InstallationSignal, Installations, ModuleCatalogue, ModuleRegistry, Notifications, TenantStorage, Transactions)
)
