import { assert, describe, it } from "@effect/vitest"
import { Either } from "effect"
import { JobState, Operation } from "../../../src/domain/modules/InstallationJob.js"
import { type JobEventKind, transition } from "../../../src/domain/modules/JobTransitions.js"

const events: ReadonlyArray<JobEventKind> = ["begin", "retry", "upgrade", "uninstall", "validated", "rejected", "completed", "stepFailed", "rolledBack", "undoFailed", "resolved"]

/** Every edge the machine allows, as `from --event--> to (operation)`. */
const edges = () =>
  Operation.literals.flatMap((operation) =>
    JobState.literals.flatMap((from) =>
      events.flatMap((event) => Either.match(transition(from, operation, event), { onLeft: () => [], onRight: (to) => [`${from} --${event}--> ${to} (${operation})`] }))))

describe("the installation job's state machine", () => {
  it("allows exactly the issue's transitions, plus the rollback of upgrades and uninstalls and the operator's resolution", () => {
    assert.sameMembers(edges(), [
      "Pending --begin--> Validating (install)", "Pending --begin--> Validating (upgrade)", "Pending --begin--> Validating (uninstall)",
      "Validating --validated--> Installing (install)", "Validating --validated--> Installing (upgrade)", "Validating --validated--> Installing (uninstall)",
      "Validating --rejected--> Failed (install)", "Validating --rejected--> Failed (upgrade)", "Validating --rejected--> Failed (uninstall)",
      "Installing --completed--> Active (install)", "Installing --completed--> Active (upgrade)", "Installing --completed--> Active (uninstall)",
      "Installing --stepFailed--> RollingBack (install)", "Installing --stepFailed--> RollingBack (upgrade)", "Installing --stepFailed--> RollingBack (uninstall)",
      "RollingBack --rolledBack--> Failed (install)", "RollingBack --rolledBack--> Active (upgrade)", "RollingBack --rolledBack--> Active (uninstall)",
      "RollingBack --undoFailed--> ManualIntervention (install)", "RollingBack --undoFailed--> ManualIntervention (upgrade)", "RollingBack --undoFailed--> ManualIntervention (uninstall)",
      "Failed --retry--> Installing (install)",
      "Active --upgrade--> Upgrading (install)", "Active --upgrade--> Upgrading (upgrade)", "Active --upgrade--> Upgrading (uninstall)",
      "Active --uninstall--> Uninstalling (install)", "Active --uninstall--> Uninstalling (upgrade)", "Active --uninstall--> Uninstalling (uninstall)",
      "Upgrading --completed--> Active (install)", "Upgrading --completed--> Active (upgrade)", "Upgrading --completed--> Active (uninstall)",
      "Upgrading --stepFailed--> RollingBack (install)", "Upgrading --stepFailed--> RollingBack (upgrade)", "Upgrading --stepFailed--> RollingBack (uninstall)",
      "Uninstalling --completed--> Uninstalled (install)", "Uninstalling --completed--> Uninstalled (upgrade)", "Uninstalling --completed--> Uninstalled (uninstall)",
      "Uninstalling --stepFailed--> RollingBack (install)", "Uninstalling --stepFailed--> RollingBack (upgrade)", "Uninstalling --stepFailed--> RollingBack (uninstall)",
      "ManualIntervention --resolved--> Failed (install)", "ManualIntervention --resolved--> Active (upgrade)", "ManualIntervention --resolved--> Active (uninstall)"
    ])
  })

  it("settled jobs take nothing but a new request", () => {
    for (const event of events.filter((e) => e !== "upgrade" && e !== "uninstall")) {
      assert.isTrue(Either.isLeft(transition("Active", "install", event)), event)
      assert.isTrue(Either.isLeft(transition("Uninstalled", "uninstall", event)), event)
    }
  })
})
