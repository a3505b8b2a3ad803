import { assert, describe, it } from "@effect/vitest"
import { ESLint } from "eslint"
import { Effect } from "effect"
import { root } from "../support/ServiceProcess.js"

const eslint = new ESLint({ cwd: root })

/** The messages of the lint rules for `code` placed at `filePath` (nothing is written to disk). */
const lint = (filePath: string, code: string) =>
  Effect.promise(() => eslint.lintText(code, { filePath: `${root}/${filePath}` })).pipe(
    Effect.map((results) => results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`)))
  )

describe("the dependency direction lint rule", () => {
  it.effect("rejects a domain module importing orchestration, layers, @effect/* or an effect runtime module", () =>
    Effect.gen(function*() {
      const cases = [
        `import { Settings } from "../../orchestration/settings/Settings.js"`,
        `import * as SqlSettings from "../../layers/sql/SqlSettings.js"`,
        `import * as SqlClient from "@effect/sql/SqlClient"`,
        `import { readFileSync } from "node:fs"`,
        `import { Effect } from "effect"`,
        `import * as Clock from "effect/Clock"`
      ]
      for (const source of cases) {
        const messages = yield* lint("src/domain/settings/Wrong.ts", `${source}\nexport const x = 1\n`)
        assert.isTrue(messages.some((m) => m.startsWith("no-restricted-imports")), `not rejected: ${source}`)
      }
    }))

  it.effect("rejects an orchestration module importing layers or a platform package", () =>
    Effect.gen(function*() {
      for (const source of [`import * as SqlOutbox from "../../layers/sql/SqlOutbox.js"`, `import * as SqlClient from "@effect/sql/SqlClient"`]) {
        const messages = yield* lint("src/orchestration/outbox/Wrong.ts", `${source}\nexport const x = 1\n`)
        assert.isTrue(messages.some((m) => m.startsWith("no-restricted-imports")), `not rejected: ${source}`)
      }
    }))

  it.effect("accepts the allowed directions", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(
        yield* lint("src/domain/settings/Right.ts", `import { Option, Schema } from "effect"\nexport const x = [Option.none(), Schema.String]\n`),
        []
      )
      assert.deepStrictEqual(
        yield* lint(
          "src/orchestration/settings/Right.ts",
          `import { Effect } from "effect"\nimport { catalogue } from "../../domain/settings/Catalogue.js"\nexport const x = Effect.succeed(catalogue)\n`
        ),
        []
      )
      assert.deepStrictEqual(
        yield* lint("src/layers/sql/Right.ts", `import * as SqlClient from "@effect/sql/SqlClient"\nexport const x = SqlClient.SqlClient\n`),
        []
      )
    }))
})
