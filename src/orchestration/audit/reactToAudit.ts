import { Option } from "effect"
import type { AuditRecord } from "../../domain/audit/AuditIntent.js"
import { type Listener, reactionOf } from "../../domain/audit/Listeners.js"
import { Notifications } from "../notifications/Notifications.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"

/**
 * A listener's run on a committed audit record: the notification it calls for, if any, written
 * in a unit of work of its own — so that a failure to write it fails the run, which the
 * dispatcher retries, instead of being lost.
 */
export const reactToAudit = fn("Audit.reactToAudit")(function*(listener: Listener, record: AuditRecord) {
  const notice = reactionOf(listener, record)
  if (Option.isNone(notice)) return
  const notifications = yield* Notifications
  yield* (yield* Transactions).withTransaction(notifications.emit(notice.value))
})
