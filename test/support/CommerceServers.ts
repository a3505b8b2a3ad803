import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { WorkflowEngine } from "@effect/workflow/WorkflowEngine"
import { Layer } from "effect"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as BatonHttp from "../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as SandboxPaymentGateway from "../../src/layers/payment/SandboxPaymentGateway.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../../src/layers/workflow/WorkflowEngines.js"
import * as CheckoutSaga from "../../src/orchestration/commerce/checkoutSaga.js"
import { postgres, postgresAvailable, sqlite } from "./TestDatabases.js"

export type CommerceServices = SqlPorts.Ports | HttpClient.HttpClient | SandboxPaymentGateway.SandboxLedger

export interface CommerceServer {
  readonly name: string
  /** The whole HTTP server on a random local port, over fresh storage, with the checkout saga on an engine. */
  readonly layer: Layer.Layer<CommerceServices>
  /** PostgreSQL suites skip, saying why, when no server answers. */
  readonly skip: boolean
}

const serve = <E, R, P>(engine: Layer.Layer<WorkflowEngine, E, R>, ports: Layer.Layer<P>) =>
  BatonHttp.app.pipe(
    Layer.provideMerge(CheckoutSaga.layer.pipe(Layer.provideMerge(SandboxPaymentGateway.layer), Layer.provideMerge(engine))),
    Layer.provideMerge(ports),
    Layer.provideMerge(NodeHttpServer.layerTest),
    Layer.orDie
  )

const sqlPorts = (database: Layer.Layer<SqlClient.SqlClient>) =>
  SqlPorts.layer.pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer()),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(database)
  )

/** The server on the durable engine over a fresh, migrated SQL database (SQLite by default), with its SQL client. */
export function durableServer(database: Layer.Layer<SqlClient.SqlClient> = sqlite): Layer.Layer<CommerceServices | SqlClient.SqlClient> {
  return serve(WorkflowEngines.layerSql(), sqlPorts(database))
}

/** Memory ports on the in-memory engine; SQLite and (when reachable) PostgreSQL on the durable engine over the same database. */
export const commerceServers: ReadonlyArray<CommerceServer> = [
  { name: "memory ports, in-memory engine", layer: serve(WorkflowEngines.layerMemory, MemoryPorts.layer()), skip: false },
  { name: "SQLite, durable engine", layer: durableServer(), skip: false },
  { name: "PostgreSQL, durable engine", layer: durableServer(postgres), skip: !postgresAvailable }
]
