import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpClient from "@effect/platform/HttpClient"
import { Duration, Effect, Layer } from "effect"
import { DeliveryPolicy } from "../../src/domain/outbox/DeliveryPolicy.js"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as BatonHttp from "../../src/layers/http/HttpServer.js"
import * as MemoryPorts from "../../src/layers/memory/MemoryPorts.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"
import type { NotificationChannels } from "../../src/orchestration/notifications/NotificationChannels.js"
import { dispatchDue } from "../../src/orchestration/outbox/dispatchDue.js"
import * as AuditTamper from "./AuditTamper.js"
import { sqlite } from "./TestDatabases.js"

/** A quick delivery policy for tests: four attempts, one second apart at most. */
export const options = {
  policy: new DeliveryPolicy({ maxAttempts: 4, baseDelay: Duration.seconds(1), maxDelay: Duration.seconds(1) }),
  batchSize: 100,
  lease: Duration.seconds(30),
  concurrency: 4
}

/** Dispatch rounds until one claims nothing (fan-outs add entries for the next round). */
export const deliverAll = dispatchDue(options).pipe(
  Effect.repeat({ until: (claimed) => claimed === 0 }),
  Effect.asVoid
)

/** What the HTTP scenarios of the audit and notifications reach: ports, recording channels, an intruder, a client. */
export type Services =
  | SqlPorts.Ports
  | NotificationChannels
  | RecordingNotificationChannels.ChannelRecorder
  | AuditTamper.AuditTamper
  | HttpClient.HttpClient

const serve = (ports: Layer.Layer<Exclude<Services, HttpClient.HttpClient>>): Layer.Layer<Services> =>
  BatonHttp.app.pipe(Layer.provideMerge(ports), Layer.provideMerge(NodeHttpServer.layerTest), Layer.orDie)

/** The whole HTTP server over memory ports and over a migrated SQLite file (fresh storage per build). */
export const servers: ReadonlyArray<{ readonly name: string; readonly layer: Layer.Layer<Services> }> = [
  { name: "memory", layer: serve(AuditTamper.memory.pipe(Layer.provideMerge(MemoryPorts.layer()))) },
  {
    name: "sqlite",
    layer: serve(
      Layer.mergeAll(SqlPorts.layer, AuditTamper.sql).pipe(
        Layer.provideMerge(RecordingNotificationChannels.layer()),
        Layer.provide(CryptoKit.layerEphemeral()),
        Layer.provide(sqlite)
      )
    )
  }
]
