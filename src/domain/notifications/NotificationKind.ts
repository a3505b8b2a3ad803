import { Schema } from "effect"
import { AdminNotice } from "../identity/AdminLifecycle.js"

/**
 * A notification kind (`settings.changed`, `auth.newDevice`) or a family of kinds (`settings`), as
 * preferences and webhook endpoints name them: dot-separated words.
 */
export const KindPattern = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/, { message: () => "must be a notification kind such as settings.changed, or a family such as settings" }),
  Schema.maxLength(100)
)

/** Whether `pattern` names `kind` itself or a family it belongs to (`settings` covers `settings.changed`). */
export const covers = (pattern: string, kind: string): boolean => kind === pattern || kind.startsWith(`${pattern}.`)

/**
 * The security notifications baton emits: an account is always told of these, whatever its
 * preferences (ASVS 5.0 asks that users be told of suspicious logins and credential changes).
 */
export const securityKinds: ReadonlyArray<string> = [
  "auth.newDevice",
  "auth.failedLogins",
  "auth.account.locked",
  "auth.password.changed",
  "auth.totp.enabled",
  "auth.totp.disabled",
  "auth.recoveryCode.used",
  ...Object.values(AdminNotice),
  "members.rolesChanged",
  "members.removed",
  "audit.chain.broken"
]
