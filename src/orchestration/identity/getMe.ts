import { Option } from "effect"
import { SessionInvalid } from "../../domain/identity/AuthOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"
import { Credentials } from "./Credentials.js"

/** The actor's account and whether its second factor is on. `{ account, totpEnabled } | SessionInvalid`. */
export const getMe = fn("Identity.getMe")(function*(actor: Actor) {
  if (actor._tag !== "AccountActor" && actor._tag !== "ApiTokenActor") return new SessionInvalid({ reason: "unknown" })
  const account = yield* (yield* Accounts).findById(actor.accountId)
  if (Option.isNone(account)) return new SessionInvalid({ reason: "accountNotActive" })
  const totp = yield* (yield* Credentials).totp(actor.accountId)
  return { account: account.value, totpEnabled: Option.exists(totp, (t) => t.status === "enabled") }
})
