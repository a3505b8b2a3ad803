import { Option } from "effect"
import type { Actor } from "../../domain/shared/Actor.js"
import { fn } from "../shared/Fn.js"
import { Accounts } from "./Accounts.js"

/**
 * Whether the account an actor acts as is still active (baton itself always is). Read under the
 * platform-admin lock, it stops an admin whom a concurrent request has just suspended, disabled
 * or re-roled from completing its own change (two admins suspending each other: one wins).
 */
export const actorStillActive = fn("Identity.actorStillActive")(function*(actor: Actor) {
  if (actor._tag !== "AccountActor" && actor._tag !== "ApiTokenActor") return true
  const account = yield* (yield* Accounts).findById(actor.accountId)
  return Option.exists(account, (a) => a.status === "active")
})
