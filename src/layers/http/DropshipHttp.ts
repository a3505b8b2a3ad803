import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { cancelDropship } from "../../orchestration/fulfilment/cancelDropship.js"
import { getDropship, listDropships } from "../../orchestration/fulfilment/readDropships.js"
import { startDropship } from "../../orchestration/fulfilment/startDropship.js"
import { BatonApi } from "./BatonApi.js"
import { asCaller } from "./Caller.js"
import type { DropshipApi } from "./DropshipApi.js"
import type { ServiceUnavailable } from "./HttpErrors.js"

/** Handlers of the `dropship` group, for any API that contains it. */
export const handlers = <E, P, R>(group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof DropshipApi>>) =>
  group
    .handle("start", ({ path, payload }) => asCaller((actor) => startDropship(actor, path.id, payload.salesOrderId, payload.lineNo)))
    .handle("list", ({ path, urlParams }) => asCaller((actor) => listDropships(actor, path.id, urlParams.state)))
    .handle("status", ({ path }) => asCaller((actor) => getDropship(actor, path.id, path.salesOrder, path.line)))
    .handle("cancel", ({ path, payload }) => asCaller((actor) => cancelDropship(actor, path.id, path.salesOrder, path.line, payload.reason)))

export const layer = HttpApiBuilder.group(BatonApi, "dropship", handlers)
