import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { getRma, listRmas } from "../../orchestration/returns/readReturns.js"
import { recordInspection } from "../../orchestration/returns/recordInspection.js"
import { recordReceipt } from "../../orchestration/returns/recordReceipt.js"
import { requestReturn } from "../../orchestration/returns/requestReturn.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import type { ReturnsApi } from "./ReturnsApi.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { Rmas } from "../../orchestration/returns/Rmas.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `returns` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof ReturnsApi>>) =>
  group
    .handle("request", ({ path, payload }) => asCaller((actor) => requestReturn(actor, path.id, payload)))
    .handle("list", ({ path, urlParams }) =>
      asCaller((actor) =>
        listRmas(actor, path.id, {
          state: urlParams.state,
          salesOrderId: urlParams.salesOrder,
          sku: urlParams.sku,
          from: urlParams.from,
          to: urlParams.to,
          cursor: urlParams.cursor,
          limit: urlParams.limit
        })))
    .handle("get", ({ path }) => asCaller((actor) => getRma(actor, path.id, path.rma)))
    .handle("receipt", ({ path, payload }) => asCaller((actor) => recordReceipt(actor, path.id, path.rma, payload.warehouse)))
    .handle("inspection", ({ path, payload }) => asCaller((actor) => recordInspection(actor, path.id, path.rma, payload)))

/** The `returns` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "returns", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Ids, InventoryLedger, Notifications, Procurement, Rmas, Sales, Settings, Transactions, WorkflowEngine)
)
