import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { cancelDropship } from "../../orchestration/fulfilment/cancelDropship.js"
import { getDropship, listDropships } from "../../orchestration/fulfilment/readDropships.js"
import { startDropship } from "../../orchestration/fulfilment/startDropship.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { DropshipApi } from "./DropshipApi.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { CallbackTokens } from "../../orchestration/fulfilment/CallbackTokens.js"
import { Dropships } from "../../orchestration/fulfilment/Dropships.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { DropshipPolicy } from "../../orchestration/fulfilment/DropshipPolicy.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `dropship` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof DropshipApi>>) =>
  group
    .handle("start", ({ path, payload }) => asCaller((actor) => startDropship(actor, path.id, payload.salesOrderId, payload.lineNo)))
    .handle("list", ({ path, urlParams }) => asCaller((actor) => listDropships(actor, path.id, urlParams.state)))
    .handle("status", ({ path }) => asCaller((actor) => getDropship(actor, path.id, path.salesOrder, path.line)))
    .handle("cancel", ({ path, payload }) => asCaller((actor) => cancelDropship(actor, path.id, path.salesOrder, path.line, payload.reason)))

/**
 * The `dropship` group, built with only the services its handlers use (`builtWithOnly`), the
 * configured `DropshipPolicy` included (a reference: the compiler does not ask for it).
 */
export const layer = HttpApiBuilder.group(BatonApi, "dropship", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, CallbackTokens, DropshipPolicy, Dropships, Notifications, Procurement, Sales, Transactions, WorkflowEngine)
)
