import { Option } from "effect"
import { AccessScope } from "../../domain/access/AccessScope.js"
import { AdminList } from "../../domain/identity/AdminOutcomes.js"
import type { Actor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { NotFound } from "../../domain/shared/Outcomes.js"
import { authorize } from "../access/authorize.js"
import { fn } from "../shared/Fn.js"
import { Admins } from "./Admins.js"

/** The platform admins, whatever their status (`admins.read`). `AdminList | Refusal`. */
export const listAdmins = fn("Identity.listAdmins")(function*(actor: Actor) {
  const refused = yield* authorize(actor, "admins.read", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  return new AdminList({ admins: yield* (yield* Admins).list })
})

/** One platform admin (`admins.read`); an account without a platform role is `NotFound`. `Admin | NotFound | Refusal`. */
export const getAdmin = fn("Identity.getAdmin")(function*(actor: Actor, id: AccountId) {
  const refused = yield* authorize(actor, "admins.read", AccessScope.platform)
  if (Option.isSome(refused)) return refused.value
  const admin = yield* (yield* Admins).find(id)
  return Option.getOrElse(admin, () => new NotFound({ entity: "admin", id }))
})
