import { DateTime, Duration, Effect, Redacted } from "effect"
import type { Account } from "../../domain/identity/Account.js"
import { audit } from "../../domain/identity/AuthIntents.js"
import { Authenticated, TotpEnrollmentRequired } from "../../domain/identity/AuthOutcomes.js"
import type { Device, SessionKind } from "../../domain/identity/Session.js"
import { SessionAbsoluteTimeoutHours } from "../../domain/settings/Catalogue.js"
import { AnonymousActor } from "../../domain/shared/Actor.js"
import { AuditTrail } from "../audit/AuditTrail.js"
import { Settings } from "../settings/Settings.js"
import { fn } from "../shared/Fn.js"
import { Transactions } from "../shared/Transactions.js"
import { Sessions } from "./Sessions.js"

/**
 * Opens a session once every required factor is proven: audited, saying whether the device is
 * new (the `auth.newDevice` listener then tells the account, after commit). A `restricted` session (second factor required but not enrolled) may only enrol.
 */
const open = Effect.fnUntraced(function*(account: Account, kind: SessionKind, device: Device, via: string) {
  const sessions = yield* Sessions
  const now = yield* DateTime.now
  const absolute = yield* (yield* Settings).get(SessionAbsoluteTimeoutHours)
  const opened = yield* (yield* Transactions).withTransaction(Effect.gen(function*() {
    const known = yield* sessions.isKnownDevice(account.id, device)
    const opened = yield* sessions.open({
      accountId: account.id,
      kind,
      authEpoch: account.authEpoch,
      device,
      now,
      expiresAt: DateTime.addDuration(now, Duration.hours(absolute))
    })
    const actor = new AnonymousActor({ ip: device.ip, userAgent: device.userAgent })
    const outcome = kind === "full" ? "Authenticated" : "TotpEnrollmentRequired"
    const details = { via, session: opened.session.id, newDevice: !known }
    yield* (yield* AuditTrail).record(audit("auth.login", actor, outcome, { account: account.id, details }))
    return opened
  }))
  return { session: opened.session, sessionToken: Redacted.make(opened.token) }
})

/** The session comes checked from the repository: the outcome does not validate it again. */
const checked = { disableValidation: true } as const

/** A full session: `Authenticated`. */
export const startSession = fn("Identity.startSession")(function*(
  account: Account,
  device: Device,
  via: string,
  extra: { readonly recoveryCodesRemaining?: number } = {}
) {
  return new Authenticated({ ...(yield* open(account, "full", device, via)), ...extra }, checked)
})

/** A session that may only enrol the required second factor: `TotpEnrollmentRequired`. */
export const startRestrictedSession = fn("Identity.startRestrictedSession")(function*(account: Account, device: Device) {
  return new TotpEnrollmentRequired(yield* open(account, "restricted", device, "password"), checked)
})
