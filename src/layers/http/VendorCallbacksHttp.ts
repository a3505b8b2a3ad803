import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import { confirmDropship } from "../../orchestration/fulfilment/confirmDropship.js"
import { BatonApi } from "./BatonApi.js"
import { type ServiceUnavailable, unavailable } from "./HttpErrors.js"
import type { VendorCallbacksApi } from "./VendorCallbacksApi.js"

/** Handlers of the `vendorCallbacks` group, for any API that contains it. */
export const handlers = <E, P, R>(
  group: HttpApiBuilder.Handlers<E | ServiceUnavailable, P, R, HttpApiGroup.HttpApiGroup.Endpoints<typeof VendorCallbacksApi>>
) => group.handle("dropship", ({ path, payload }) => unavailable(confirmDropship(path.token, payload)))

export const layer = HttpApiBuilder.group(BatonApi, "vendorCallbacks", handlers)
