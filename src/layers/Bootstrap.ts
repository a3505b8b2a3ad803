import { Config, Effect, Layer, Match, Option, Redacted } from "effect"
import { bootstrapAdmin } from "../orchestration/access/createPlatformAdmin.js"

/** A startup failure that names what to fix. */
export class BootstrapRejected extends Error {
  readonly _tag = "BootstrapRejected"
}

const bootstrapConfig = Config.all({
  email: Config.option(Config.string("BATON_BOOTSTRAP_EMAIL")),
  password: Config.option(Config.redacted("BATON_BOOTSTRAP_PASSWORD"))
})

/**
 * On start with an empty database, `BATON_BOOTSTRAP_EMAIL` + `BATON_BOOTSTRAP_PASSWORD` create
 * the first admin. Nothing happens when they are unset or an account exists; a refused email or
 * password stops the start with the reasons.
 */
export const layer = Layer.effectDiscard(
  Effect.gen(function*() {
    const { email, password } = yield* bootstrapConfig
    if (Option.isNone(email) || Option.isNone(password)) return
    const outcome = yield* bootstrapAdmin(email.value, Redacted.value(password.value))
    yield* Match.valueTags(outcome, {
      BootstrapSkipped: () => Effect.logDebug("bootstrap skipped: accounts exist"),
      AccountCreated: ({ account }) => Effect.logInfo(`bootstrap: created the first admin ${account.email}`),
      EmailTaken: () => Effect.void,
      PasswordRejected: ({ problems }) =>
        Effect.die(new BootstrapRejected(`BATON_BOOTSTRAP_PASSWORD ${problems.join("; ")}`)),
      ValidationFailed: ({ issues }) =>
        Effect.die(new BootstrapRejected(`BATON_BOOTSTRAP_EMAIL: ${issues.map((i) => i.message).join("; ")}`))
    })
  })
)
