import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { bearerWith, createTenant } from "../../support/Access.js"
import { bodyOf, type Reply, request } from "../../support/AuthClient.js"
import { modulesServers } from "../../support/ModulesServers.js"

const Job = Schema.Struct({ job: Schema.Struct({ id: Schema.String, state: Schema.String, step: Schema.Number, steps: Schema.Number }) })
const View = Schema.Struct({ _tag: Schema.Literal("JobView"), job: Schema.Struct({ state: Schema.String }), history: Schema.Array(Schema.Struct({ state: Schema.String, label: Schema.String })) })

const expect = (reply: Reply, status: number, tag: string) => {
  assert.strictEqual(reply.status, status, reply.text)
  assert.strictEqual((reply.body as { _tag: string })._tag, tag, reply.text)
}

const settled = (bearer: string, id: string, state: string) =>
  request("GET", `/installation-jobs/${id}`, { bearer }).pipe(
    Effect.delay("50 millis"),
    Effect.repeat({ until: (reply) => (reply.body as { job?: { state: string } }).job?.state === state }),
    Effect.timeout("20 seconds")
  )

/** A Server-Sent Events stream, read to its end. */
const stream = (path: string, bearer: string) =>
  HttpClient.execute(HttpClientRequest.get(path).pipe(HttpClientRequest.bearerToken(bearer))).pipe(
    Effect.flatMap((response) => Effect.map(response.text, (text) => ({ status: response.status, contentType: response.headers["content-type"] ?? "", text }))),
    Effect.orDie
  )

for (const server of modulesServers) {
  describe(`DigitalCard end to end over HTTP: ${server.name}`, () => {
    it.live("register, publish, plan, install (progress as Server-Sent Events), use the cards, uninstall: the endpoints are gone", () =>
      Effect.gen(function*() {
        yield* createTenant("acme")
        const admin = (yield* bearerWith("admin@example.com", [{ role: "platform-admin" }])).token
        const owner = (yield* bearerWith("owner@example.com", [{ role: "tenant-admin", tenant: "acme" }])).token
        const member = (yield* bearerWith("member@example.com", [{ role: "tenant-member", tenant: "acme" }])).token

        expect(yield* request("POST", "/modules", { bearer: admin, body: { name: "DigitalCard", version: "1.0.0" } }), 422, "UnpublishedDependency")
        expect(yield* request("POST", "/modules", { bearer: admin, body: { name: "Contacts", version: "1.0.0" } }), 201, "ModuleRegistered")
        expect(yield* request("POST", "/modules/Contacts/versions/1.0.0/publish", { bearer: admin }), 200, "ModulePublished")
        expect(yield* request("POST", "/modules", { bearer: admin, body: { name: "DigitalCard", version: "1.0.0" } }), 201, "ModuleRegistered")
        expect(yield* request("POST", "/modules", { bearer: owner, body: { name: "Loyalty", version: "1.0.0" } }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/acme/modules/DigitalCard/install-plan", { bearer: owner }), 422, "UnresolvableDependency")
        expect(yield* request("POST", "/modules/DigitalCard/versions/1.0.0/publish", { bearer: admin }), 200, "ModulePublished")
        expect(yield* request("POST", "/modules", { bearer: admin, body: { name: "Nope", version: "v1" } }), 400, "HttpApiDecodeError")

        const listed = yield* request("GET", "/modules", { bearer: owner })
        assert.deepStrictEqual((listed.body as { modules: Array<{ manifest: { name: string } }> }).modules.map((m) => m.manifest.name), ["Contacts", "DigitalCard"])
        const plan = yield* request("GET", "/tenants/acme/modules/DigitalCard/install-plan?version=^1.0.0", { bearer: owner })
        expect(plan, 200, "InstallPlan")
        assert.deepStrictEqual((plan.body as { tablesCreated: Array<string> }).tablesCreated, ["contacts", "digital_card_templates", "digital_cards"])
        expect(yield* request("GET", "/tenants/acme/modules", { bearer: owner }), 200, "InstalledModules")
        assert.deepStrictEqual(((yield* request("GET", "/tenants/acme/modules", { bearer: owner })).body as { modules: Array<unknown> }).modules, [], "a dry run changes nothing")

        expect(yield* request("POST", "/tenants/acme/modules/DigitalCard/installations", { bearer: member, body: {} }), 403, "PermissionDenied")
        expect(yield* request("GET", "/tenants/acme/digital-cards", { bearer: owner }), 404, "ModuleNotActive")

        const installing = yield* request("POST", "/tenants/acme/modules/DigitalCard/installations", { bearer: owner, body: {}, headers: { "idempotency-key": "first-install" } })
        expect(installing, 202, "InstallationAccepted")
        const { job } = yield* bodyOf(installing, Job)
        const again = yield* request("POST", "/tenants/acme/modules/DigitalCard/installations", { bearer: owner, body: { version: "1.0.0" }, headers: { "idempotency-key": "first-install" } })
        assert.strictEqual((yield* bodyOf(again, Job)).job.id, job.id)

        const events = yield* stream(`/installation-jobs/${job.id}/events`, member)
        assert.strictEqual(events.status, 200)
        assert.include(events.contentType, "text/event-stream")
        const progress = events.text.split("\n\n").filter((e) => e.startsWith("event: progress")).map((e) => JSON.parse(e.split("data: ")[1] ?? "{}") as { job: { state: string; step: number } })
        assert.strictEqual(progress[progress.length - 1]?.job.state, "Active")
        assert.isTrue(events.text.trimEnd().endsWith("event: end\ndata: {}"))

        const view = yield* bodyOf(yield* request("GET", `/installation-jobs/${job.id}`, { bearer: member }), View)
        assert.strictEqual(view.job.state, "Active")
        assert.includeMembers(view.history.map((h) => h.state), ["Pending", "Validating", "Installing", "Active"])

        const template = yield* request("POST", "/tenants/acme/digital-cards/templates", { bearer: owner, body: { name: "Gold", design: "midnight" } })
        expect(template, 201, "TemplateCreated")
        const issued = yield* request("POST", "/tenants/acme/digital-cards", { bearer: owner, body: { templateId: "standard", holderName: "Ada", holderEmail: " Ada@Example.com " } })
        expect(issued, 201, "CardIssued")
        const card = (issued.body as { card: { id: string; serial: string; holderEmail: string } }).card
        assert.deepStrictEqual([card.serial, card.holderEmail], ["DC-000001", "ada@example.com"])
        expect(yield* request("POST", "/tenants/acme/digital-cards", { bearer: owner, body: { templateId: "nope", holderName: "Bob", holderEmail: "bob@example.com" } }), 422, "UnknownTemplate")
        expect(yield* request("POST", "/tenants/acme/digital-cards", { bearer: member, body: { templateId: "standard", holderName: "Eve", holderEmail: "eve@example.com" } }), 403, "PermissionDenied")
        expect(yield* request("GET", `/tenants/acme/digital-cards/${card.id}`, { bearer: member }), 200, "CardFound")
        expect(yield* request("GET", "/tenants/acme/digital-cards", { bearer: member }), 200, "CardList")
        expect(yield* request("POST", `/tenants/acme/digital-cards/${card.id}/revocation`, { bearer: owner }), 200, "CardRevoked")

        expect(yield* request("GET", "/tenants/acme/modules/Contacts/uninstall-plan", { bearer: owner }), 409, "DependentsInstalled")
        const impact = yield* request("GET", "/tenants/acme/modules/DigitalCard/uninstall-plan", { bearer: owner })
        expect(impact, 200, "UninstallPlan")
        assert.deepStrictEqual((impact.body as { tablesDropped: Array<string> }).tablesDropped, ["digital_cards", "digital_card_templates"])
        const removing = yield* request("POST", "/tenants/acme/modules/DigitalCard/uninstallations", { bearer: owner })
        expect(removing, 202, "InstallationAccepted")
        yield* settled(owner, (yield* bodyOf(removing, Job)).job.id, "Uninstalled")
        expect(yield* request("GET", "/tenants/acme/digital-cards", { bearer: owner }), 404, "ModuleNotActive")
        expect(yield* request("GET", `/tenants/acme/digital-cards/${card.id}`, { bearer: owner }), 404, "ModuleNotActive")
        const left = ((yield* request("GET", "/tenants/acme/modules", { bearer: owner })).body as { modules: Array<{ name: string }> }).modules.map((m) => m.name)
        assert.deepStrictEqual(left, ["Contacts"])
      }).pipe(Effect.provide(server.layer)), 60_000)
  })
}
