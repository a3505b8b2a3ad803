import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Duration, Layer } from "effect"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as BatonHttp from "../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as ModulesRuntime from "../../src/layers/modules/ModulesRuntime.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import * as WorkflowEngines from "../../src/layers/workflow/WorkflowEngines.js"
import { sqlite } from "./TestDatabases.js"

export interface ModulesServer {
  readonly name: string
  /** baton's whole app on a random port, with the workflow engine and the installation scheduler, over fresh storage. */
  readonly layer: Layer.Layer<SqlPorts.Ports | HttpClient.HttpClient>
}

const runtime = ModulesRuntime.layer({ pollInterval: Duration.millis(50), staleAfter: Duration.seconds(30) })

export const modulesServers: ReadonlyArray<ModulesServer> = [
  {
    name: "memory",
    layer: Layer.mergeAll(BatonHttp.app, runtime).pipe(
      Layer.provideMerge(WorkflowEngines.layerMemory),
      Layer.provideMerge(MemoryPorts.layer()),
      Layer.provideMerge(NodeHttpServer.layerTest),
      Layer.orDie
    )
  },
  {
    name: "sqlite",
    layer: Layer.mergeAll(BatonHttp.app, runtime).pipe(
      Layer.provideMerge(WorkflowEngines.layerSql({ pollInterval: Duration.millis(50) })),
      Layer.provideMerge(SqlPorts.layer.pipe(Layer.provideMerge(RecordingNotificationChannels.layer()), Layer.provide(CryptoKit.layerEphemeral()), Layer.provideMerge(sqlite))),
      Layer.provideMerge(NodeHttpServer.layerTest),
      Layer.orDie
    )
  }
]
