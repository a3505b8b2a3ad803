import { readFileSync } from "node:fs"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { parse } from "yaml"
import { root } from "../support/ServiceProcess.js"
import { awaitSettled, createTenant, install, publishShipped } from "../support/Modules.js"
import { modulesServers } from "../support/ModulesServers.js"

const Rule = Schema.Struct({
  alert: Schema.String.pipe(Schema.pattern(/^[A-Z][A-Za-z]+$/)),
  expr: Schema.String.pipe(Schema.minLength(1)),
  for: Schema.String.pipe(Schema.pattern(/^\d+[smh]$/)),
  labels: Schema.Struct({ severity: Schema.Literal("warning", "critical") }),
  annotations: Schema.Struct({ summary: Schema.String.pipe(Schema.minLength(1)), description: Schema.String.pipe(Schema.minLength(1)) })
})
const RuleFile = Schema.Struct({ groups: Schema.NonEmptyArray(Schema.Struct({ name: Schema.String, rules: Schema.NonEmptyArray(Rule) })) })

const rules = Schema.decodeUnknownSync(RuleFile)(parse(readFileSync(`${root}/deploy/prometheus/baton-alerts.yml`, "utf8")))
const alerts = rules.groups.flatMap((group) => group.rules)

/** The metric families an expression reads (histogram series named by their family). */
const metricsOf = (expr: string) => [...expr.matchAll(/\bbaton_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, ""))

/** Parentheses and brackets balance: a cheap syntax check where no PromQL parser is at hand. */
const balanced = (expr: string) =>
  [...expr].reduce<Array<string> | null>((stack, c) => {
    if (stack === null) return null
    if ("([{".includes(c)) return [...stack, c]
    const open = { ")": "(", "]": "[", "}": "{" }[c]
    if (open === undefined) return stack
    return stack[stack.length - 1] === open ? stack.slice(0, -1) : null
  }, [])?.length === 0

describe("the Prometheus alert rules (deploy/prometheus/baton-alerts.yml)", () => {
  it("are well-formed rules for the failure rate, the p95 duration, the backlog and readiness", () => {
    const byName = new Map(alerts.map((a) => [a.alert, a.expr]))
    assert.match(byName.get("BatonModuleInstallationFailureRate") ?? "", /> 0\.05/)
    assert.match(byName.get("BatonModuleInstallationSlow") ?? "", /histogram_quantile\(0\.95,[\s\S]*\) > 120/)
    assert.match(byName.get("BatonModuleJobBacklog") ?? "", /> 100/)
    assert.match(byName.get("BatonNotReady") ?? "", /baton_ready/)
    for (const { alert, expr } of alerts) assert.isTrue(balanced(expr), `${alert}: unbalanced brackets`)
    assert.strictEqual(new Set(alerts.map((a) => a.alert)).size, alerts.length, "alert names are unique")
  })

  it.live("name only metrics baton exports", () =>
    Effect.gen(function*() {
      yield* publishShipped
      yield* createTenant("acme")
      yield* awaitSettled(yield* install("acme", "DigitalCard"))
      const text = yield* (yield* HttpClient.get("/metrics")).text
      const exported = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name))
      for (const metric of new Set(alerts.flatMap((a) => metricsOf(a.expr)))) assert.isTrue(exported.has(metric), `${metric} is not exported`)
      assert.match(text, /^baton_module_installations_total\{operation="install",outcome="succeeded"\} 1$/m)
      assert.match(text, /^baton_entitlements_circuit_state 0$/m)
    }).pipe(Effect.provide(modulesServers[0]!.layer)), 30_000)
})
