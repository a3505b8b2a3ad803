import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { Console, Effect, Match } from "effect"
import { SystemActor } from "../../domain/shared/Actor.js"
import { createPlatformAdmin } from "../../orchestration/access/createPlatformAdmin.js"
import * as AdminLifecycleCommand from "./AdminLifecycleCommand.js"
import { CommandRefused } from "./SettingsCommand.js"

/** The whole of standard input, without its final newline (a password piped or typed then Ctrl-D). */
const readStdin = Effect.async<string>((resume) => {
  const chunks: Array<Buffer> = []
  process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk))
  process.stdin.once("end", () => resume(Effect.succeed(Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, ""))))
  process.stdin.resume()
})

const create = Command.make(
  "create",
  {
    email: Options.text("email").pipe(Options.withDescription("the admin's email")),
    displayName: Options.text("display-name").pipe(Options.withDefault("Administrator")),
    passwordStdin: Options.boolean("password-stdin").pipe(Options.withDescription("read the password from standard input"))
  },
  ({ displayName, email, passwordStdin }) =>
    Effect.gen(function*() {
      if (!passwordStdin) return yield* new CommandRefused({ message: "pass --password-stdin and the password on standard input" })
      const password = yield* readStdin
      const outcome = yield* createPlatformAdmin(new SystemActor({ component: "cli" }), { email, displayName, password })
      return yield* Match.valueTags(outcome, {
        AccountCreated: ({ account }) => Console.log(`created ${account.email} (${account.id})`),
        EmailTaken: () => new CommandRefused({ message: "an account with that email exists" }),
        PasswordRejected: ({ problems }) => new CommandRefused({ message: `password ${problems.join("; ")}` }),
        ValidationFailed: ({ issues }) =>
          new CommandRefused({ message: issues.map((i) => `${i.path}: ${i.message}`).join("; ") })
      })
    })
).pipe(Command.withDescription("Create an active platform admin (the password is read from standard input)"))

export const command = Command.make("admin").pipe(
  Command.withDescription("Manage admin accounts"),
  Command.withSubcommands([create, AdminLifecycleCommand.suspend, AdminLifecycleCommand.reinstate, AdminLifecycleCommand.disable])
)
