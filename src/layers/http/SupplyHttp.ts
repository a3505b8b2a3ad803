import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { approveBalancing } from "../../orchestration/supply/approveBalancing.js"
import { approveReplenishment } from "../../orchestration/supply/approveReplenishment.js"
import { getAvailableToPromise, promiseOrder } from "../../orchestration/supply/availableToPromise.js"
import { cancelTransfer } from "../../orchestration/supply/cancelTransfer.js"
import { capitaliseLandedCosts } from "../../orchestration/supply/capitaliseLandedCosts.js"
import { proposeBalancing } from "../../orchestration/supply/proposeBalancing.js"
import { listTransfers } from "../../orchestration/supply/readSupply.js"
import { receiveTransfer } from "../../orchestration/supply/receiveTransfer.js"
import { shipTransfer } from "../../orchestration/supply/shipTransfer.js"
import { suggestReplenishment } from "../../orchestration/supply/suggestReplenishment.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { ServiceUnavailable } from "./HttpErrors.js"
import type { SupplyApi } from "./SupplyApi.js"
import { Authentication } from "./Authentication.js"
import { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import { Notifications } from "../../orchestration/notifications/Notifications.js"
import { Procurement } from "../../orchestration/supply/Procurement.js"
import { Sales } from "../../orchestration/supply/Sales.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { Transactions } from "../../orchestration/shared/Transactions.js"
import { Warehouses } from "../../orchestration/supply/Warehouses.js"
import { builtWithOnly } from "../BuiltWithOnly.js"

/** Handlers of the `supply` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof SupplyApi>>) =>
  group
    .handle("atp", ({ path, urlParams }) =>
      asCaller((actor) => getAvailableToPromise(actor, path.id, { sku: urlParams.item, warehouseId: urlParams.warehouse, horizonDays: urlParams.horizon })))
    .handle("promise", ({ path, payload }) =>
      asCaller((actor) => promiseOrder(actor, path.id, { sku: payload.item, warehouseId: payload.warehouse, quantity: payload.quantity, wantedOn: payload.wantedOn })))
    .handle("suggestions", ({ path, urlParams }) => asCaller((actor) => suggestReplenishment(actor, path.id, urlParams.warehouse)))
    .handle("approveSuggestions", ({ path, payload }) =>
      asCaller((actor) => approveReplenishment(actor, path.id, { warehouseId: payload.warehouse, lines: payload.lines })))
    .handle("proposals", ({ path, urlParams }) =>
      asCaller((actor) => proposeBalancing(actor, path.id, urlParams.item === undefined ? undefined : [urlParams.item])))
    .handle("approveProposals", ({ path, payload }) => asCaller((actor) => approveBalancing(actor, path.id, payload.items)))
    .handle("transfers", ({ path, urlParams }) => asCaller((actor) => listTransfers(actor, path.id, urlParams.status)))
    .handle("ship", ({ path }) => asCaller((actor) => shipTransfer(actor, path.id, path.transfer)))
    .handle("receive", ({ path }) => asCaller((actor) => receiveTransfer(actor, path.id, path.transfer)))
    .handle("cancel", ({ path, payload }) => asCaller((actor) => cancelTransfer(actor, path.id, path.transfer, payload.reason)))
    .handle("landedCosts", ({ path, payload }) => asCaller((actor) => capitaliseLandedCosts(actor, path.id, path.receipt, payload.documents)))

/** The `supply` group, built with only the services its handlers use (`builtWithOnly`). */
export const layer = HttpApiBuilder.group(BatonApi, "supply", handlers).pipe(
  builtWithOnly(Authentication, AuditTrail, AuthorizationResolver, Ids, InventoryLedger, Notifications, Procurement, Sales, Settings, Transactions, Warehouses)
)
