import { assert, describe, it } from "@effect/vitest"
import ts from "typescript"
import { root } from "../../support/ServiceProcess.js"

const kernel = new Set(["Transactions", "AuditTrail", "Settings", "Ids"])

/** The services an export of a module requires, read from its type: a Layer's `RIn`, or an Effect-returning function's `R`. */
const requirements = (module: string, name: string): ReadonlyArray<string> => {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}/tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  if (config === undefined) throw new Error("tsconfig.json not found")
  const program = ts.createProgram({ rootNames: [`${root}/${module}`], options: config.options })
  const checker = program.getTypeChecker()
  const file = program.getSourceFile(`${root}/${module}`)
  const symbol = file && checker.getSymbolAtLocation(file)
  const exported = symbol && checker.getExportsOfModule(symbol).find((s) => s.getName() === name)
  if (file === undefined || exported === undefined) throw new Error(`${module}#${name} not found`)
  const type = checker.getTypeOfSymbolAtLocation(exported, file)
  const signature = type.getCallSignatures()[0]
  const carrier = signature === undefined ? type : signature.getReturnType()
  const [, , services] = checker.getTypeArguments(carrier as ts.TypeReference)
  if (services === undefined) throw new Error(`${module}#${name}: no requirements found in ${checker.typeToString(carrier)}`)
  const members = services.isUnion() ? services.types : services.flags & ts.TypeFlags.Never ? [] : [services]
  return members.map((t) => checker.typeToString(t)).filter((port) => !kernel.has(port))
}

describe("the checkout's ports", () => {
  it("the saga sequences exactly the five commerce ports (besides the kernel and the workflow engine)", () => {
    const ports = requirements("src/orchestration/commerce/checkoutSaga.ts", "layer")
    assert.sameMembers([...ports], ["Customers", "Inventory", "PaymentGateway", "Orders", "Notifications", "WorkflowEngine"])
  }, 60_000)

  it("the checkout orchestrator authorizes, opens the record and runs the saga", () => {
    const ports = requirements("src/orchestration/commerce/checkout.ts", "checkout")
    assert.sameMembers([...ports], ["AuthorizationResolver", "Orders", "WorkflowEngine"])
  }, 60_000)
})
