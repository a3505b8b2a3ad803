import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { DateTime, Effect, Layer, Option, Redacted, Schema } from "effect"
import { MutableCategory, NotificationPreferences } from "../../domain/notifications/NotificationPreferences.js"
import { KindPattern } from "../../domain/notifications/NotificationKind.js"
import { WebhookEndpoint } from "../../domain/notifications/WebhookEndpoint.js"
import { NotificationSubscriptions } from "../../orchestration/notifications/NotificationSubscriptions.js"
import * as EndpointSecrets from "../crypto/EndpointSecrets.js"
import { SecretBox } from "../crypto/SecretBox.js"
import { mapErrors, SqlNumber } from "./SqlErrors.js"

const Millis = Schema.compose(SqlNumber, Schema.DateTimeUtcFromNumber)

const PreferencesRow = Schema.Struct({
  account_id: NotificationPreferences.fields.accountId,
  muted_categories: Schema.parseJson(Schema.Array(MutableCategory)),
  muted_kinds: Schema.parseJson(Schema.Array(KindPattern)),
  updated_at: Millis
})

const EndpointRow = Schema.Struct({
  id: WebhookEndpoint.fields.id,
  tenant_id: WebhookEndpoint.fields.tenantId,
  url: Schema.String,
  kinds: Schema.parseJson(Schema.Array(KindPattern)),
  created_at: Millis,
  sealed_secret: Schema.String
})

const toEndpoint = (row: typeof EndpointRow.Type) =>
  new WebhookEndpoint({ id: row.id, tenantId: row.tenant_id, url: row.url, kinds: row.kinds, createdAt: row.created_at })

const ENDPOINT_COLUMNS = "id, tenant_id, url, kinds, created_at, sealed_secret"

/** `baton_notification_preferences` (one row per account) and `baton_webhook_endpoints` (secrets sealed with the `SecretBox`). */
export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const box = yield* SecretBox

  const findPreferences = SqlSchema.findOne({
    Request: Schema.String,
    Result: PreferencesRow,
    execute: (account) =>
      sql`SELECT account_id, muted_categories, muted_kinds, updated_at FROM baton_notification_preferences WHERE account_id = ${account}`
  })
  const findEndpoints = SqlSchema.findAll({
    Request: Schema.String,
    Result: EndpointRow,
    execute: (tenant) => sql`SELECT ${sql.literal(ENDPOINT_COLUMNS)} FROM baton_webhook_endpoints WHERE tenant_id = ${tenant} ORDER BY created_at, id`
  })
  const findEndpoint = SqlSchema.findOne({
    Request: Schema.Struct({ tenant: Schema.String, id: Schema.String }),
    Result: EndpointRow,
    execute: ({ id, tenant }) =>
      sql`SELECT ${sql.literal(ENDPOINT_COLUMNS)} FROM baton_webhook_endpoints WHERE tenant_id = ${tenant} AND id = ${id}`
  })

  return NotificationSubscriptions.of({
    preferences: (account) =>
      findPreferences(account).pipe(
        Effect.map(Option.map((row) =>
          new NotificationPreferences({ accountId: row.account_id, mutedCategories: row.muted_categories, mutedKinds: row.muted_kinds, updatedAt: row.updated_at })
        )),
        mapErrors("NotificationSubscriptions.preferences")
      ),
    savePreferences: (saved) => {
      const row = {
        account_id: saved.accountId,
        muted_categories: JSON.stringify(saved.mutedCategories),
        muted_kinds: JSON.stringify(saved.mutedKinds),
        updated_at: DateTime.toEpochMillis(saved.updatedAt)
      }
      return sql`INSERT INTO baton_notification_preferences ${sql.insert(row)}
                 ON CONFLICT (account_id) DO UPDATE SET muted_categories = ${row.muted_categories},
                   muted_kinds = ${row.muted_kinds}, updated_at = ${row.updated_at}`.pipe(Effect.asVoid, mapErrors("NotificationSubscriptions.savePreferences"))
    },
    endpoints: (tenant) =>
      findEndpoints(tenant).pipe(Effect.map((rows) => rows.map(toEndpoint)), mapErrors("NotificationSubscriptions.endpoints")),
    addEndpoint: (endpoint) =>
      Effect.gen(function*() {
        const secret = EndpointSecrets.generate()
        const sealed = yield* box.seal(secret, EndpointSecrets.associatedData(endpoint.tenantId, endpoint.id))
        yield* sql`INSERT INTO baton_webhook_endpoints ${
          sql.insert({
            id: endpoint.id,
            tenant_id: endpoint.tenantId,
            url: endpoint.url,
            kinds: JSON.stringify(endpoint.kinds),
            created_at: DateTime.toEpochMillis(endpoint.createdAt),
            sealed_secret: sealed
          })
        }`
        return Redacted.make(secret)
      }).pipe(mapErrors("NotificationSubscriptions.addEndpoint")),
    removeEndpoint: (tenant, id) =>
      sql`DELETE FROM baton_webhook_endpoints WHERE tenant_id = ${tenant} AND id = ${id} RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        mapErrors("NotificationSubscriptions.removeEndpoint")
      ),
    signingEndpoint: (tenant, id) =>
      findEndpoint({ tenant, id }).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.succeedNone,
          onSome: (row) =>
            Effect.map(box.open(row.sealed_secret, EndpointSecrets.associatedData(tenant, id)), (secret) =>
              Option.some({ endpoint: toEndpoint(row), secret: Redacted.make(secret) }))
        })),
        mapErrors("NotificationSubscriptions.signingEndpoint")
      )
  })
})

export const layer: Layer.Layer<NotificationSubscriptions, never, SqlClient.SqlClient | SecretBox> = Layer.effect(NotificationSubscriptions, make)
