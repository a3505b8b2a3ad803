import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Option } from "effect"
import { CardId, CardTemplate, TemplateId } from "../../src/domain/digitalcards/DigitalCard.js"
import { Email } from "../../src/domain/identity/Email.js"
import { JobId } from "../../src/domain/modules/InstallationJob.js"
import { ModuleName } from "../../src/domain/modules/Module.js"
import { Setup, TenantMigration } from "../../src/domain/modules/Plan.js"
import { emptySnapshot, nothingUntouched, Untouched } from "../../src/domain/modules/TenantSnapshot.js"
import { TenantId } from "../../src/domain/shared/Ids.js"
import { DigitalCards } from "../../src/orchestration/digitalcards/DigitalCards.js"
import { ModuleSteps } from "../../src/orchestration/modules/ModuleSteps.js"
import { TenantStorage } from "../../src/orchestration/modules/TenantStorage.js"
import { adapterFamilies } from "../support/Adapters.js"

const at = DateTime.unsafeMake("2026-12-01T10:00:00Z")
const later = DateTime.unsafeMake("2026-12-01T10:05:00Z")
const acme = TenantId.make("acme")
const globex = TenantId.make("globex")

const migration = (module: string, id: string, direction: "up" | "down" = "up") =>
  new TenantMigration({ module: ModuleName.make(module), version: "1.0.0", migration: id, direction })

/** DigitalCard's tables in a tenant, through the module's own steps. */
const installDigitalCard = (tenantId: TenantId) =>
  Effect.gen(function*() {
    const steps = yield* ModuleSteps
    yield* steps.run(tenantId, migration("Contacts", "0001_contacts"))
    yield* steps.run(tenantId, migration("DigitalCard", "0001_templates"))
    yield* steps.run(tenantId, migration("DigitalCard", "0002_cards"))
    yield* steps.run(tenantId, new Setup({ module: ModuleName.make("DigitalCard"), version: "1.0.0" }))
  })

const issue = (tenantId: TenantId, n: number, email = `holder${n}@example.com`) =>
  Effect.flatMap(DigitalCards, (cards) =>
    cards.issue(tenantId, {
      id: CardId.make(`card-${n}`),
      templateId: TemplateId.make("standard"),
      holderName: `Holder ${n}`,
      holderEmail: Email.make(email),
      contactId: `contact-${n}`,
      issuedAt: DateTime.addDuration(at, `${n} seconds`)
    }))

for (const family of adapterFamilies) {
  describe.skipIf(family.skip)(`Tenant storage contract: ${family.name}`, () => {
    it.live("module steps run once (ledger) in the tenant's own storage; a down of a step never applied does nothing", () =>
      Effect.gen(function*() {
        const storage = yield* TenantStorage
        assert.deepStrictEqual(yield* storage.snapshot(acme), emptySnapshot)
        yield* installDigitalCard(acme)
        yield* installDigitalCard(acme)
        const snapshot = yield* storage.snapshot(acme)
        assert.deepStrictEqual(snapshot.tables.map((t) => [t.name, t.rows.length]), [["contacts", 0], ["digital_card_templates", 1], ["digital_cards", 0]])
        assert.deepStrictEqual(snapshot.ledger, ["migration:Contacts:0001_contacts", "migration:DigitalCard:0001_templates", "migration:DigitalCard:0002_cards", "setup:DigitalCard"])
        assert.deepStrictEqual(yield* storage.snapshot(globex), emptySnapshot, "another tenant's storage is untouched")
        yield* (yield* ModuleSteps).run(globex, migration("Contacts", "0001_contacts", "down"))
        assert.deepStrictEqual(yield* storage.snapshot(globex), emptySnapshot)
      }).pipe(Effect.provide(family.layer)))

    it.live("a backup restores the storage exactly (schema, rows, ledger) when it changed, and only then", () =>
      Effect.gen(function*() {
        const storage = yield* TenantStorage
        yield* installDigitalCard(acme)
        yield* issue(acme, 1)
        const before = yield* storage.snapshot(acme)
        yield* storage.backup(acme, JobId.make("j1"), 1, nothingUntouched)
        assert.isFalse(yield* storage.restoreIfChanged(acme, JobId.make("j1"), 1), "unchanged")
        yield* issue(acme, 2)
        yield* (yield* ModuleSteps).run(acme, migration("DigitalCard", "0002_cards", "down"))
        yield* storage.backup(acme, JobId.make("j1"), 1, nothingUntouched)
        assert.isTrue(yield* storage.restoreIfChanged(acme, JobId.make("j1"), 1))
        assert.deepStrictEqual(yield* storage.snapshot(acme), before)
        assert.strictEqual((yield* (yield* DigitalCards).list(acme, 10)).length, 1, "the module reads its restored rows")
        yield* storage.discardBackups(JobId.make("j1"))
        assert.isFalse(yield* storage.restoreIfChanged(acme, JobId.make("j1"), 1), "no backup kept")
      }).pipe(Effect.provide(family.layer)))

    it.live("a backup leaves the other modules' tables alone: their rows written meanwhile survive a restore, and their keys on restored tables too", () =>
      Effect.gen(function*() {
        const storage = yield* TenantStorage
        const steps = yield* ModuleSteps
        yield* installDigitalCard(acme)
        yield* issue(acme, 1)
        yield* issue(acme, 2)
        yield* steps.run(acme, new TenantMigration({ module: ModuleName.make("Loyalty"), version: "1.0.0", migration: "0001_accounts", direction: "up" }))
        const loyalty = new Untouched({ tables: ["loyalty_accounts"], modules: ["Loyalty"] })
        const before = yield* storage.snapshot(acme)
        yield* storage.backup(acme, JobId.make("j2"), 1, loyalty)
        const upgraded = new TenantMigration({ module: ModuleName.make("DigitalCard"), version: "1.1.0", migration: "0003_card_notes", direction: "up" })
        yield* steps.run(acme, upgraded)
        yield* steps.run(acme, new Setup({ module: ModuleName.make("Loyalty"), version: "1.0.0" }))
        assert.isTrue(yield* storage.restoreIfChanged(acme, JobId.make("j2"), 1))
        const after = yield* storage.snapshot(acme)
        const withoutLoyalty = (s: typeof before) => ({ ...s, tables: s.tables.filter((t) => t.name !== "loyalty_accounts") })
        assert.deepStrictEqual(withoutLoyalty(after).tables, withoutLoyalty(before).tables, "DigitalCard's tables as they were")
        assert.deepStrictEqual(after.ledger, [...before.ledger, "setup:Loyalty"].sort(), "DigitalCard's ledger as it was, Loyalty's as it is now")
        const accounts = after.tables.find((t) => t.name === "loyalty_accounts")
        assert.deepStrictEqual(accounts?.rows, [["card-1", 0, "bronze"], ["card-2", 0, "bronze"]], "Loyalty's rows written meanwhile survived")
        assert.deepStrictEqual(accounts?.definition, before.tables.find((t) => t.name === "loyalty_accounts")?.definition, "with its foreign key")
      }).pipe(Effect.provide(family.layer)))

    it.live("digital cards: templates, cards with the tenant's next serial, holders as contacts, revocation; tenants never see each other's", () =>
      Effect.gen(function*() {
        const cards = yield* DigitalCards
        yield* installDigitalCard(acme)
        yield* installDigitalCard(globex)
        yield* cards.addTemplate(acme, new CardTemplate({ id: TemplateId.make("gold"), name: "Gold", design: "midnight", createdAt: at }))
        assert.deepStrictEqual((yield* cards.templates(acme)).map((t) => t.id), ["standard", "gold"])
        const first = yield* issue(acme, 1)
        const second = yield* issue(acme, 2, "holder1@example.com")
        assert.deepStrictEqual([first.serial, second.serial], ["DC-000001", "DC-000002"])
        assert.strictEqual(second.contactId, first.contactId, "the same holder is one contact")
        assert.deepStrictEqual((yield* cards.list(acme, 10)).map((c) => c.id), ["card-2", "card-1"])
        const revoked = yield* cards.revoke(acme, CardId.make("card-1"), later)
        assert.deepStrictEqual(Option.map(revoked, (c) => [c.status, Option.isSome(c.revokedAt)]), Option.some(["revoked", true]))
        assert.deepStrictEqual(yield* cards.list(globex, 10), [])
        assert.isTrue(Option.isNone(yield* cards.find(globex, CardId.make("card-1"))))
        assert.isTrue(Option.isNone(yield* cards.findTemplate(globex, TemplateId.make("gold"))))
      }).pipe(Effect.provide(family.layer)))
  })
}
