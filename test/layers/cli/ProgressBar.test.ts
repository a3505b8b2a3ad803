import { assert, describe, it } from "@effect/vitest"
import { DateTime, Option } from "effect"
import { InstallationJob, JobId } from "../../../src/domain/modules/InstallationJob.js"
import { pendingJob } from "../../../src/domain/modules/JobTransitions.js"
import { ModuleName } from "../../../src/domain/modules/Module.js"
import { SystemActor } from "../../../src/domain/shared/Actor.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"
import { render } from "../../../src/layers/cli/ProgressBar.js"

const job = pendingJob({
  id: JobId.make("j1"),
  tenantId: TenantId.make("acme"),
  module: ModuleName.make("DigitalCard"),
  version: "1.0.0",
  range: "*",
  steps: 8,
  requestedBy: new SystemActor({ component: "test" }),
  idempotencyKey: Option.none(),
  now: DateTime.unsafeMake(0)
})

describe("the CLI's progress line", () => {
  it("fills the bar with step k of n, names the state and the step, and shows the error once there is one", () => {
    assert.strictEqual(render(job, 8), "[........]  0/8  Pending (queued)     queued")
    const running = new InstallationJob({ ...job, state: "Installing", queued: false, step: 3, stepLabel: "tenant migration Contacts@1.0.0 0001_contacts" })
    assert.strictEqual(render(running, 8), "[###.....]  3/8  Installing           tenant migration Contacts@1.0.0 0001_contacts")
    const failed = new InstallationJob({ ...running, state: "Failed", error: Option.some("injected failure") })
    assert.strictEqual(render(failed, 8), "[###.....]  3/8  Failed               tenant migration Contacts@1.0.0 0001_contacts  error: injected failure")
  })
})
