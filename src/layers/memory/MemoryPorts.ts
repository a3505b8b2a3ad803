import { Layer } from "effect"
import type { Channel } from "../../domain/notifications/Channels.js"
import * as GrantsAuthorizationResolver from "../access/GrantsAuthorizationResolver.js"
import * as OrchestratedAuditListeners from "../audit/OrchestratedAuditListeners.js"
import * as StoredAccessRevocation from "../identity/StoredAccessRevocation.js"
import * as CryptoKit from "../crypto/CryptoKit.js"
import type { Argon2Parameters } from "../crypto/PasswordHashing.js"
import type { ModuleDefinition } from "../modules/ModuleDefinition.js"
import * as ModuleDefinitions from "../modules/ModuleDefinitions.js"
import * as ModulesPorts from "../modules/ModulesPorts.js"
import * as InProcessDispatcherSignal from "../outbox/InProcessDispatcherSignal.js"
import * as OutboxIntents from "../outbox/OutboxIntents.js"
import * as MemoryAccounts from "./MemoryAccounts.js"
import * as MemoryAdmins from "./MemoryAdmins.js"
import * as MemoryApiTokens from "./MemoryApiTokens.js"
import * as MemoryAuditLog from "./MemoryAuditLog.js"
import * as MemoryCallbackTokens from "./MemoryCallbackTokens.js"
import * as MemoryCredentials from "./MemoryCredentials.js"
import * as MemoryCustomers from "./MemoryCustomers.js"
import * as MemoryDatabase from "./MemoryDatabase.js"
import * as MemoryDropships from "./MemoryDropships.js"
import * as MemoryInventory from "./MemoryInventory.js"
import * as MemoryInvitations from "./MemoryInvitations.js"
import * as MemoryMemberships from "./MemoryMemberships.js"
import * as MemoryNotificationSubscriptions from "./MemoryNotificationSubscriptions.js"
import * as MemoryOrders from "./MemoryOrders.js"
import * as MemoryOutbox from "./MemoryOutbox.js"
import * as MemoryRmas from "./MemoryRmas.js"
import * as MemoryRoles from "./MemoryRoles.js"
import * as MemorySessions from "./MemorySessions.js"
import * as MemorySettings from "./MemorySettings.js"
import * as MemorySupplyPorts from "./MemorySupplyPorts.js"
import * as MemoryTenants from "./MemoryTenants.js"
import * as MemoryTransactions from "./MemoryTransactions.js"
import * as RecordingNotificationChannels from "./RecordingNotificationChannels.js"
import * as SequentialIds from "./SequentialIds.js"

/**
 * Every port of baton in memory, with transactions that roll back, an outbox, an audit log,
 * recording notification channels (see `ChannelRecorder`), predictable ids, real cryptography
 * (cheap Argon2 parameters, an ephemeral encryption key) and real TOTP. Fresh state per build:
 * provide it per test when state matters. Add `OutboxDispatcher.layer()` to deliver.
 */
export const layer = (
  options: {
    readonly channels?: ReadonlyArray<Channel>
    readonly passwordHashing?: Argon2Parameters
    /** The module definitions (baton's shipped catalogue by default). */
    readonly modules?: ReadonlyArray<ModuleDefinition>
  } = {}
) => {
  const crypto = CryptoKit.layerEphemeral(options.passwordHashing)
  const storage = Layer.mergeAll(
    MemorySettings.layer,
    MemoryOutbox.layer,
    MemoryAuditLog.layer,
    MemoryAccounts.layer,
    MemoryTenants.layer,
    MemoryRoles.layer,
    MemoryInvitations.layer,
    MemorySupplyPorts.layer,
    MemoryCustomers.layer,
    MemoryInventory.layer,
    MemoryOrders.layer,
    MemoryDropships.layer,
    MemoryCallbackTokens.layer,
    MemoryRmas.layer,
    options.modules === undefined ? ModulesPorts.memory : ModulesPorts.memory.pipe(Layer.provide(ModuleDefinitions.layer(options.modules)))
  ).pipe(
    Layer.provideMerge(MemoryDatabase.layer)
  )
  const infrastructure = Layer.mergeAll(
    storage,
    crypto,
    InProcessDispatcherSignal.layer,
    SequentialIds.layer,
    RecordingNotificationChannels.layer(options.channels)
  )
  const services = Layer.mergeAll(
    MemoryTransactions.layer,
    OutboxIntents.layer,
    MemorySessions.layer,
    MemoryApiTokens.layer,
    MemoryCredentials.layer,
    MemoryMemberships.layer,
    MemoryNotificationSubscriptions.layer
  ).pipe(Layer.provideMerge(infrastructure))
  return Layer.mergeAll(GrantsAuthorizationResolver.layer, MemoryAdmins.layer, StoredAccessRevocation.layer, OrchestratedAuditListeners.layer).pipe(
    Layer.provideMerge(services)
  )
}
