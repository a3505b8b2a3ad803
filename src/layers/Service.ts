import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import { Config, Effect, Layer } from "effect"
import * as BatonConfig from "./config/BatonConfig.js"
import * as AesGcmSecretBox from "./crypto/AesGcmSecretBox.js"
import * as Argon2PasswordHashing from "./crypto/Argon2PasswordHashing.js"
import * as OtpauthTotpCodes from "./crypto/OtpauthTotpCodes.js"
import * as ModulesRuntime from "./modules/ModulesRuntime.js"
import * as SubscriptionService from "./modules/SubscriptionService.js"
import * as ConfiguredChannels from "./notify/ConfiguredChannels.js"
import * as OutboxDispatcher from "./outbox/OutboxDispatcher.js"
import * as Database from "./sql/Database.js"
import * as Migrations from "./sql/Migrations.js"
import * as SqlPorts from "./sql/SqlPorts.js"
import * as WorkflowEngines from "./workflow/WorkflowEngines.js"
import * as CheckoutSaga from "../orchestration/commerce/checkoutSaga.js"
import * as DropshipSaga from "../orchestration/fulfilment/dropshipSaga.js"
import * as ConfiguredDropshipPolicy from "./fulfilment/ConfiguredDropshipPolicy.js"
import * as DropshipReconciler from "./fulfilment/DropshipReconciler.js"
import * as RmaReconciler from "./returns/RmaReconciler.js"
import * as RmaSaga from "../orchestration/returns/rmaSaga.js"
import * as PaymentGateways from "./payment/PaymentGateways.js"

/**
 * baton as a service, from configuration: the layers `main.ts` and the CLI compose. Hosts that
 * embed baton compose the same pieces (or their own `SqlClient`) directly.
 */

/** The configured SQL client (SQLite by default, PostgreSQL with `DATABASE_URL`), migrated. */
export const database: Layer.Layer<SqlClient.SqlClient, unknown> = Layer.unwrapEffect(
  Effect.map(BatonConfig.database, (config) => Migrations.layer.pipe(Layer.provideMerge(Database.layer(config))))
)

/**
 * The cryptography of the credential adapters: Argon2id with the configured parameters, the
 * encryption key from `BATON_ENCRYPTION_KEY` (or a key file generated beside the data), TOTP.
 */
export const crypto = Layer.unwrapEffect(
  Effect.map(
    Config.all({ dataDir: Config.string("BATON_DATA_DIR").pipe(Config.withDefault("./data")), hashing: BatonConfig.passwordHashing }),
    ({ dataDir, hashing }) => Layer.mergeAll(Argon2PasswordHashing.layer(hashing), AesGcmSecretBox.layerConfig(dataDir), OtpauthTotpCodes.layer)
  )
)

/** Every port over the SQL client, with the configured notification channels. */
export const ports = SqlPorts.layer.pipe(
  Layer.provideMerge(ConfiguredChannels.layerConfig),
  Layer.provide(SubscriptionService.layerConfig),
  Layer.provide(NodeHttpClient.layer),
  Layer.provide(crypto)
)

/** The outbox dispatcher, paced by configuration. */
export const dispatcher = Layer.unwrapEffect(Effect.map(BatonConfig.dispatcher, OutboxDispatcher.layer))

/** Ports, database and the SQL client, ready for orchestrators. */
export const core = ports.pipe(Layer.provideMerge(database))

/** The payment service of configuration (`BATON_PAYMENT_GATEWAY`: the sandbox by default). */
export const payments = PaymentGateways.layerConfig.pipe(Layer.provide(NodeHttpClient.layer))

/** The dropship escalation policy of configuration. */
export const dropshipPolicy = ConfiguredDropshipPolicy.layerConfig

/**
 * The durable workflow engine over the same SQL client (one runner in this process), with baton's
 * workflows registered (checkout, dropship fulfilment, returns); the dropship policy comes with it,
 * and unsettled dropships and waiting RMAs are woken once at start-up (`DropshipReconciler`,
 * `RmaReconciler`).
 */
export const workflowEngine = Layer.mergeAll(
  CheckoutSaga.layer.pipe(Layer.provide(payments)),
  DropshipReconciler.layer().pipe(Layer.provideMerge(DropshipSaga.layer)),
  RmaReconciler.layer().pipe(Layer.provideMerge(RmaSaga.layer))
).pipe(
  Layer.provideMerge(WorkflowEngines.layerSql()),
  Layer.provideMerge(dropshipPolicy)
)

/** The module installation saga on the engine, and its scheduler (paced by configuration). */
export const modules = ModulesRuntime.layerConfig.pipe(Layer.provide(workflowEngine))
