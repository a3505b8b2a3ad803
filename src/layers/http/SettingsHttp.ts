import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { Option } from "effect"
import { readSettings } from "../../orchestration/settings/readSettings.js"
import { setSetting } from "../../orchestration/settings/setSetting.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import type { SettingsApi } from "./SettingsApi.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `settings` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof SettingsApi>>) =>
  group
    .handle("list", () => asCaller((actor) => readSettings(actor, Option.none())))
    .handle("set", ({ path, payload }) => asCaller((actor) => setSetting(actor, { key: path.key, value: payload.value })))
    .handle("listInTenant", ({ path }) => asCaller((actor) => readSettings(actor, Option.some(path.id))))
    .handle("setInTenant", ({ path, payload }) => asCaller((actor) => setSetting(actor, { key: path.key, value: payload.value, tenantId: path.id })))

/** The `settings` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "settings", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Notifications, Settings, Transactions)
)
