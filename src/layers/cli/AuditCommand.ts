import * as Command from "@effect/cli/Command"
import { Console, Effect } from "effect"
import { SystemActor } from "../../domain/shared/Actor.js"
import { verifyAuditChain } from "../../orchestration/audit/verifyAuditChain.js"
import { CommandRefused, refusedBy } from "./SettingsCommand.js"

const cli = new SystemActor({ component: "cli" })

/** `baton audit verify`: exit 0 and the head when the chain is intact, 1 and the first break otherwise (for cron and monitoring). */
const verify = Command.make("verify", {}, () =>
  Effect.gen(function*() {
    const verdict = yield* verifyAuditChain(cli)
    if (verdict._tag === "Intact") {
      return yield* Console.log(`intact: ${verdict.records} records; head ${verdict.head.sequence} ${verdict.head.hash}`)
    }
    if (verdict._tag === "Broken") {
      return yield* new CommandRefused({ message: `the audit chain is broken at ${verdict.at}: ${verdict.reason} (${verdict.detail})` })
    }
    return yield* refusedBy(verdict)
  })).pipe(Command.withDescription("Walk the audit log's hash chain and report the first edited, missing or reordered record"))

export const command = Command.make("audit").pipe(
  Command.withDescription("Check the audit trail"),
  Command.withSubcommands([verify])
)
