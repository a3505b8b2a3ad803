import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { confirmDropship } from "../../orchestration/fulfilment/confirmDropship.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import type { VendorCallbacksApi } from "./VendorCallbacksApi.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { CallbackTokens } from "../../orchestration/fulfilment/CallbackTokens.js"
import { Dropships } from "../../orchestration/fulfilment/Dropships.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `vendorCallbacks` group, for any API that contains it. */
export const handlers = <E, P, R>(
  group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof VendorCallbacksApi>>
) => group.handle("dropship", ({ path, payload }) => unavailable(confirmDropship(path.token, payload)))

/** The `vendorCallbacks` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "vendorCallbacks", handlers).pipe(
  builtWithOnly(AuditTrail, CallbackTokens, Dropships, Notifications, Procurement, Transactions, WorkflowEngine)
)
