import { Layer } from "effect"
import * as CryptoKit from "../../src/layers/crypto/CryptoKit.js"
import * as RecordingNotificationChannels from "../../src/layers/memory/RecordingNotificationChannels.js"
import * as Database from "../../src/layers/sql/Database.js"
import * as Migrations from "../../src/layers/sql/Migrations.js"
import * as SqlPorts from "../../src/layers/sql/SqlPorts.js"

/**
 * baton's SQL ports over a migrated SQLite file (WAL, synchronous = NORMAL), notifications
 * recorded on the log channel only, an ephemeral key ring: the stack the workflow benches run on.
 */
export const sqlPortsOn = (file: string) =>
  SqlPorts.layer.pipe(
    Layer.provideMerge(RecordingNotificationChannels.layer(["log"])),
    Layer.provide(CryptoKit.layerEphemeral()),
    Layer.provideMerge(Migrations.layer.pipe(Layer.provideMerge(Database.sqlite(file))))
  )
