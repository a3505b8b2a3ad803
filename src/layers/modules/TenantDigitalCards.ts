import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { CardTemplate, DigitalCard, serialFor } from "../../domain/digitalcards/DigitalCard.js"
import { DigitalCards } from "../../orchestration/digitalcards/DigitalCards.js"
import { RepositoryError } from "../../orchestration/shared/RepositoryError.js"
import { InvariantViolation } from "../../domain/shared/Defects.js"
import { SqlNumber } from "../sql/SqlErrors.js"
import { TenantDatabases, type TenantStore } from "./TenantDatabases.js"

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

const TemplateRow = Schema.Struct({ id: CardTemplate.fields.id, name: Schema.String, design: CardTemplate.fields.design, created_at: Millis })

const CardRow = Schema.Struct({
  id: DigitalCard.fields.id,
  template_id: DigitalCard.fields.templateId,
  contact_id: Schema.String,
  holder_name: Schema.String,
  holder_email: DigitalCard.fields.holderEmail,
  serial: Schema.String,
  status: DigitalCard.fields.status,
  issued_at: Millis,
  revoked_at: Schema.NullOr(Millis)
})

const toTemplate = (r: typeof TemplateRow.Type) => new CardTemplate({ id: r.id, name: r.name, design: r.design, createdAt: r.created_at })
const toCard = (r: typeof CardRow.Type) =>
  new DigitalCard({
    id: r.id,
    templateId: r.template_id,
    contactId: r.contact_id,
    holderName: r.holder_name,
    holderEmail: r.holder_email,
    serial: r.serial,
    status: r.status,
    issuedAt: r.issued_at,
    revokedAt: Option.fromNullable(r.revoked_at)
  })

const cardsOf = (db: TenantStore, where: ReturnType<TenantStore["sql"]["literal"]> | ReturnType<TenantStore["sql"]>) =>
  db.sql`SELECT c.id, c.template_id, c.contact_id, k.name AS holder_name, k.email AS holder_email, c.serial, c.status,
      c.issued_at, c.revoked_at
    FROM ${db.table("digital_cards")} c JOIN ${db.table("contacts")} k ON k.id = c.contact_id ${where}`.pipe(
    Effect.flatMap(Schema.decodeUnknown(Schema.Array(CardRow))),
    Effect.map((rows) => rows.map(toCard))
  )

/** Maps a driver failure to the port's error, and a row that does not decode to a defect. */
const edge = (operation: string) => <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  effect.pipe(
    Effect.catchAll((cause) =>
      typeof cause === "object" && cause !== null && "_tag" in cause && cause._tag === "ParseError"
        ? Effect.die(new InvariantViolation({ message: `${operation}: a stored row does not decode`, cause }))
        : Effect.fail(new RepositoryError({ operation, cause })))
  )

/** DigitalCard's data in each tenant's own storage (through `TenantDatabases`). */
export const make = Effect.map(TenantDatabases, (tenants) =>
  DigitalCards.of({
    addTemplate: (tenantId, t) =>
      tenants.transaction(tenantId, (db) =>
        db.sql`INSERT INTO ${db.table("digital_card_templates")} ${
          db.sql.insert({ id: t.id, name: t.name, design: t.design, created_at: DateTime.toEpochMillis(t.createdAt) })
        }`).pipe(Effect.asVoid, edge("DigitalCards.addTemplate")),
    templates: (tenantId) =>
      tenants.read(tenantId, (db) => db.sql`SELECT * FROM ${db.table("digital_card_templates")} ORDER BY created_at, id`).pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(TemplateRow))),
        Effect.map((rows) => rows.map(toTemplate)),
        edge("DigitalCards.templates")
      ),
    findTemplate: (tenantId, id) =>
      tenants.read(tenantId, (db) => db.sql`SELECT * FROM ${db.table("digital_card_templates")} WHERE id = ${id}`).pipe(
        Effect.flatMap(Schema.decodeUnknown(Schema.Array(TemplateRow))),
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toTemplate)),
        edge("DigitalCards.findTemplate")
      ),
    issue: (tenantId, card) =>
      tenants.transaction(tenantId, (db) =>
        Effect.gen(function*() {
          const at = DateTime.toEpochMillis(card.issuedAt)
          yield* db.sql`INSERT INTO ${db.table("contacts")} ${
            db.sql.insert({ id: card.contactId, email: card.holderEmail, name: card.holderName, created_at: at })
          } ON CONFLICT (email) DO NOTHING`
          const [contact] = yield* db.sql<{ id: string }>`SELECT id FROM ${db.table("contacts")} WHERE email = ${card.holderEmail}`
          const [count] = yield* db.sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${db.table("digital_cards")}`
          yield* db.sql`INSERT INTO ${db.table("digital_cards")} ${
            db.sql.insert({
              id: card.id,
              template_id: card.templateId,
              contact_id: contact?.id ?? card.contactId,
              serial: serialFor(Number(count?.n ?? 0) + 1),
              status: "active",
              issued_at: at
            })
          }`
          const [issued] = yield* cardsOf(db, db.sql`WHERE c.id = ${card.id}`)
          return issued ?? (yield* Effect.dieMessage("DigitalCards.issue: the card just issued is not there"))
        })).pipe(edge("DigitalCards.issue")),
    find: (tenantId, id) =>
      tenants.read(tenantId, (db) => cardsOf(db, db.sql`WHERE c.id = ${id}`)).pipe(Effect.map((cards) => Option.fromNullable(cards[0])), edge("DigitalCards.find")),
    list: (tenantId, limit) =>
      tenants.read(tenantId, (db) => cardsOf(db, db.sql`ORDER BY c.issued_at DESC, c.id DESC LIMIT ${limit}`)).pipe(edge("DigitalCards.list")),
    revoke: (tenantId, id, at) =>
      tenants.transaction(tenantId, (db) =>
        Effect.gen(function*() {
          yield* db.sql`UPDATE ${db.table("digital_cards")} SET status = 'revoked', revoked_at = ${DateTime.toEpochMillis(at)}
            WHERE id = ${id} AND status = 'active'`
          return Option.fromNullable((yield* cardsOf(db, db.sql`WHERE c.id = ${id}`))[0])
        })).pipe(edge("DigitalCards.revoke"))
  }))

export const layer: Layer.Layer<DigitalCards, never, TenantDatabases> = Layer.effect(DigitalCards, make)
