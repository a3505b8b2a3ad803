import * as SqlClient from "@effect/sql/SqlClient"
import * as SqlSchema from "@effect/sql/SqlSchema"
import { Clock, Effect, Layer, Option, Schema } from "effect"
import { StoredSetting } from "../../domain/settings/Setting.js"
import { TenantId } from "../../domain/shared/Ids.js"
import { Json } from "../../domain/shared/Json.js"
import { Settings } from "../../orchestration/settings/Settings.js"
import { fromStore } from "../settings/SettingsStore.js"
import * as CommittedReads from "./CommittedReads.js"
import { mapErrors } from "./SqlErrors.js"

/** The platform-wide value is stored with an empty tenant id (a primary key column cannot be NULL). */
const PLATFORM = ""

const Row = Schema.Struct({
  key: Schema.String,
  tenant_id: Schema.String,
  value: Schema.parseJson(Json)
})

/** The value has just been decoded by `Row` (the same `Json` schema); the tenant id is checked by `TenantId.make`. */
const valueDecoded = { disableValidation: true } as const

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  const findStored = SqlSchema.findAll({
    Request: Schema.String,
    Result: Row,
    execute: (tenant) =>
      sql`SELECT key, tenant_id, value FROM baton_settings WHERE tenant_id = ${PLATFORM} OR tenant_id = ${tenant}`
  })

  const remembered = yield* CommittedReads.remember<ReadonlyArray<StoredSetting>>()

  return fromStore({
    stored: (tenant) => {
      const key = Option.getOrElse(tenant, () => PLATFORM)
      return remembered(key, () =>
        findStored(key).pipe(
          Effect.map((rows) =>
            rows.map((row) =>
              StoredSetting.make({
                key: row.key,
                tenantId: row.tenant_id === PLATFORM ? Option.none() : Option.some(TenantId.make(row.tenant_id)),
                value: row.value
              }, valueDecoded)
            )
          ),
          mapErrors("Settings.stored")
        )
      )
    },
    put: (key, tenant, value) =>
      Clock.currentTimeMillis.pipe(
        Effect.flatMap((now) =>
          sql`INSERT INTO baton_settings (key, tenant_id, value, updated_at)
              VALUES (${key}, ${Option.getOrElse(tenant, () => PLATFORM)}, ${JSON.stringify(value)}, ${now})
              ON CONFLICT (key, tenant_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
        ),
        Effect.asVoid,
        mapErrors("Settings.put")
      )
  })
})

export const layer: Layer.Layer<Settings, never, SqlClient.SqlClient> = Layer.effect(Settings, make)
