import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Console, Effect, Either, Option, Schema } from "effect"
import { EmailFromInput } from "../../domain/identity/Email.js"
import { SystemActor } from "../../domain/shared/Actor.js"
import type { AccountId } from "../../domain/shared/Ids.js"
import { Accounts } from "../../orchestration/identity/Accounts.js"
import { disableAdmin, reinstateAdmin, suspendAdmin } from "../../orchestration/identity/changeAdminStatus.js"
import { CommandRefused } from "./SettingsCommand.js"

const cli = new SystemActor({ component: "cli" })
const email = Options.text("email").pipe(Options.withDescription("the admin's email"))
const reason = Options.text("reason").pipe(Options.withDescription("why (kept in the audit trail)"), Options.withDefault("by the operator, from the command line"))

type Outcome =
  | { readonly _tag: "AdminSuspended" | "AdminReinstated" | "AdminDisabled"; readonly status: string; readonly sessionsEnded: number; readonly tokensRevoked: number }
  | { readonly _tag: "InvalidTransition"; readonly from: string; readonly to: string }
  | { readonly _tag: string }

/** Prints a done step, or refuses (exit 1) with the reason. */
const report = (who: string) => (outcome: Outcome) => {
  if ("sessionsEnded" in outcome) {
    return Console.log(
      outcome.status === "active"
        ? `${who} is active again (its former sessions and API tokens stay ended)`
        : `${who} is ${outcome.status} (sessions ended: ${outcome.sessionsEnded}, API tokens revoked: ${outcome.tokensRevoked})`
    )
  }
  if ("from" in outcome) return new CommandRefused({ message: `${who} is ${outcome.from}: it cannot become ${outcome.to}` })
  if (outcome._tag === "LastPlatformAdmin") return new CommandRefused({ message: `${who} is the last active platform admin` })
  return new CommandRefused({ message: `${who}: ${outcome._tag}` })
}

/** Runs a lifecycle step as baton itself (break-glass): no permission needed, but LastPlatformAdmin holds. */
const step = <E, R>(run: (id: AccountId, reason: string) => Effect.Effect<Outcome, E, R>) =>
({ email: raw, reason: why }: { readonly email: string; readonly reason: string }) =>
  Effect.gen(function*() {
    const decoded = Schema.decodeEither(EmailFromInput)(raw)
    if (Either.isLeft(decoded)) return yield* new CommandRefused({ message: `${raw} is not an email address` })
    const account = yield* (yield* Accounts).findByEmail(decoded.right)
    if (Option.isNone(account)) return yield* new CommandRefused({ message: `no account ${decoded.right}` })
    return yield* Effect.flatMap(run(account.value.id, why), report(decoded.right))
  })

export const suspend = Command.make("suspend", { email, reason }, step((id, why) => suspendAdmin(cli, id, why))).pipe(
  Command.withDescription("Suspend an admin: every session and API token ends at once")
)

export const reinstate = Command.make("reinstate", { email, reason }, step((id) => reinstateAdmin(cli, id))).pipe(
  Command.withDescription("Reinstate a suspended admin (it logs in anew; old sessions and tokens stay ended)")
)

export const disable = Command.make("disable", { email, reason }, step((id, why) => disableAdmin(cli, id, why))).pipe(
  Command.withDescription("Disable an admin for good")
)
