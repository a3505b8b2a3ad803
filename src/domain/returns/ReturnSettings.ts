import { Schema } from "effect"
import { define } from "../settings/Setting.js"

const Days = (min: number, max: number) => Schema.Int.pipe(Schema.between(min, max))

/** Days after delivery within which a return is authorised and its goods must arrive. */
export const ReturnWindowDays = define({
  key: "returns.windowDays",
  description: "Days after delivery within which a return is authorised; the goods must arrive before the window ends.",
  scope: "tenant",
  schema: Days(0, 3650),
  default: 30
})

/** Days after delivery during which a defective item goes back to its vendor under warranty. */
export const VendorWarrantyDays = define({
  key: "returns.vendorWarrantyDays",
  description: "Days after delivery during which a defective returned item goes back to its vendor under warranty.",
  scope: "tenant",
  schema: Days(0, 3650),
  default: 365
})

export const returnSettings = [ReturnWindowDays, VendorWarrantyDays]
