import { Effect, Either, Option } from "effect"
import { CheckoutMaxLines, PremiumConfirmationAbove, ReservationMinutes } from "../../domain/settings/Catalogue.js"
import { resolve, type Setting } from "../../domain/settings/Setting.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import type { Json } from "../../domain/shared/Json.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"

/** The tenant's checkout settings, read in one query: line limit, premium threshold, reservation time. */
export const checkoutSettings = fn("Commerce.checkoutSettings")(function*(tenantId: TenantId) {
  const tenant = Option.some(tenantId)
  const stored = yield* (yield* Settings).stored(tenant)
  const read = <A, I extends Json>(setting: Setting<A, I>) =>
    Either.match(resolve(setting, stored, tenant), { onLeft: Effect.die, onRight: Effect.succeed })
  return {
    maxLines: yield* read(CheckoutMaxLines),
    premiumAbove: yield* read(PremiumConfirmationAbove),
    reservationMinutes: yield* read(ReservationMinutes)
  }
})
