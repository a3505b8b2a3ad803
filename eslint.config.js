// The dependency direction of DESIGN §2, enforced: the pure core imports no outer ring,
// orchestration never reaches adapters, and only adapters touch platform, SQL or Node packages.
import tseslint from "typescript-eslint"

const outerRings = ["**/orchestration/**", "**/layers/**", "**/main.js", "**/cli.js"]
const platformPackages = [
  "@effect/platform",
  "@effect/platform/*",
  "@effect/platform-node",
  "@effect/platform-node/*",
  "@effect/sql",
  "@effect/sql/*",
  "@effect/sql-*",
  "@effect/cluster",
  "@effect/cluster/*",
  "@effect/cli",
  "@effect/cli/*",
  "node:*",
  "better-sqlite3",
  "pg",
  "@node-rs/*",
  "otpauth",
  "qrcode"
]
// Effect's runtime modules: the domain is data and pure functions only (no effects, services, clock or randomness).
const runtimeModules = [
  "Effect",
  "Layer",
  "Context",
  "Clock",
  "Random",
  "Ref",
  "Fiber",
  "FiberRef",
  "Runtime",
  "Scope",
  "Stream",
  "Queue",
  "Schedule",
  "Config",
  "Console",
  "Metric"
]

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "coverage/**"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression > TSAsExpression > TSUnknownKeyword", message: "no `as unknown as`: decode or narrow instead" }
      ]
    }
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@effect/*", "@effect/**"], message: "src/domain is the pure core: it imports no @effect/* package." },
            { group: outerRings, message: "src/domain imports nothing from orchestration or layers." },
            { group: platformPackages, message: "src/domain does no I/O." },
            {
              group: ["effect/Effect", "effect/Layer", "effect/Context", "effect/Clock", "effect/Random", "effect/Ref"],
              message: "src/domain holds data and pure functions, not effects or services."
            }
          ],
          paths: [{ name: "effect", importNames: runtimeModules, message: "src/domain holds data and pure functions, not effects or services." }]
        }
      ]
    }
  },
  {
    files: ["src/orchestration/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/layers/**", "**/main.js", "**/cli.js"], message: "src/orchestration never imports src/layers: depend on a port instead." },
            { group: platformPackages, message: "src/orchestration sequences ports; platform, SQL and Node packages belong to src/layers." }
          ]
        }
      ]
    }
  }
)
