import { assert, describe, it } from "@effect/vitest"
import ts from "typescript"
import { root } from "../support/ServiceProcess.js"

/**
 * DESIGN §4: an orchestrator uses at most five ports. Read from the types: for every exported
 * function of src/orchestration that returns an Effect, count the services in its `R`. The
 * kernel's cross-cutting services are part of the canonical shape of every orchestrator
 * (preconditions from settings and authorization, commands in a transaction, audit intents, new
 * ids) and are not counted; the domain ports it sequences — repositories, gateways,
 * notifications — are.
 */
const kernel = new Set(["Transactions", "AuditTrail", "Settings", "Ids", "AuthorizationResolver"])
const requirementsOfOrchestrators = (): ReadonlyArray<{ readonly name: string; readonly ports: ReadonlyArray<string> }> => {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}/tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  if (config === undefined) throw new Error("tsconfig.json not found")
  const program = ts.createProgram({ rootNames: config.fileNames.filter((f) => f.includes("/src/orchestration/")), options: config.options })
  const checker = program.getTypeChecker()
  const found: Array<{ name: string; ports: Array<string> }> = []
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes("/src/orchestration/")) continue
    const module = checker.getSymbolAtLocation(file)
    for (const symbol of module === undefined ? [] : checker.getExportsOfModule(module)) {
      const type = checker.getTypeOfSymbolAtLocation(symbol, file)
      for (const signature of type.getCallSignatures()) {
        const returned = signature.getReturnType()
        if (returned.getSymbol()?.getName() !== "Effect") continue
        const [, , requirements] = checker.getTypeArguments(returned as ts.TypeReference)
        if (requirements === undefined) continue
        const members = requirements.isUnion() ? requirements.types : requirements.flags & ts.TypeFlags.Never ? [] : [requirements]
        found.push({ name: `${file.fileName.replace(root, "")}#${symbol.getName()}`, ports: members.map((t) => checker.typeToString(t)) })
      }
    }
  }
  return found
}

describe("the port budget of orchestrators", () => {
  it("holds for every orchestrator: at most five domain ports besides the kernel", () => {
    const orchestrators = requirementsOfOrchestrators()
    assert.isAtLeast(orchestrators.length, 5, "the orchestrators were found")
    const setSetting = orchestrators.find((o) => o.name.endsWith("#setSetting"))
    assert.sameMembers([...(setSetting?.ports ?? [])], ["AuditTrail", "Settings", "Transactions", "Notifications", "AuthorizationResolver"])
    const login = orchestrators.find((o) => o.name.endsWith("#login"))
    assert.sameMembers([...(login?.ports ?? [])].filter((p) => !kernel.has(p)), ["Accounts", "Credentials", "Sessions", "Notifications"])
    const overBudget = orchestrators.filter((o) => o.ports.filter((p) => !kernel.has(p)).length > 5)
    assert.deepStrictEqual(overBudget, [])
  }, 60_000)
})
