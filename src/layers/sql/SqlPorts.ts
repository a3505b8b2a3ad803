import type * as SqlClient from "@effect/sql/SqlClient"
import { Layer } from "effect"
import type { AuditLog } from "../../orchestration/audit/AuditLog.js"
import type { AuditTrail } from "../../orchestration/audit/AuditTrail.js"
import type { NotificationChannels } from "../../orchestration/notifications/NotificationChannels.js"
import type { Notifications } from "../../orchestration/notifications/Notifications.js"
import type { DispatcherSignal } from "../../orchestration/outbox/DispatcherSignal.js"
import type { Outbox } from "../../orchestration/outbox/Outbox.js"
import type { Settings } from "../../orchestration/settings/Settings.js"
import type { Ids } from "../../orchestration/shared/Ids.js"
import type { Transactions } from "../../orchestration/shared/Transactions.js"
import type { Accounts } from "../../orchestration/identity/Accounts.js"
import type { ApiTokens } from "../../orchestration/identity/ApiTokens.js"
import type { Credentials } from "../../orchestration/identity/Credentials.js"
import type { Sessions } from "../../orchestration/identity/Sessions.js"
import type { Customers } from "../../orchestration/commerce/Customers.js"
import type { Inventory } from "../../orchestration/commerce/Inventory.js"
import type { Orders } from "../../orchestration/commerce/Orders.js"
import type { CallbackTokens } from "../../orchestration/fulfilment/CallbackTokens.js"
import type { Dropships } from "../../orchestration/fulfilment/Dropships.js"
import type { Rmas } from "../../orchestration/returns/Rmas.js"
import type { Memberships } from "../../orchestration/identity/Memberships.js"
import type { Tenants } from "../../orchestration/identity/Tenants.js"
import type { AuthorizationResolver } from "../../orchestration/access/AuthorizationResolver.js"
import type { Roles } from "../../orchestration/access/Roles.js"
import type { AuditListeners } from "../../orchestration/audit/AuditListeners.js"
import type { NotificationSubscriptions } from "../../orchestration/notifications/NotificationSubscriptions.js"
import * as OrchestratedAuditListeners from "../audit/OrchestratedAuditListeners.js"
import type { AccessRevocation } from "../../orchestration/identity/AccessRevocation.js"
import type { Admins } from "../../orchestration/identity/Admins.js"
import type { Invitations } from "../../orchestration/identity/Invitations.js"
import * as StoredAccessRevocation from "../identity/StoredAccessRevocation.js"
import * as GrantsAuthorizationResolver from "../access/GrantsAuthorizationResolver.js"
import type { CryptoKit } from "../crypto/CryptoKit.js"
import * as UuidV7Ids from "../crypto/UuidV7Ids.js"
import * as ModulesPorts from "../modules/ModulesPorts.js"
import * as InProcessDispatcherSignal from "../outbox/InProcessDispatcherSignal.js"
import * as OutboxIntents from "../outbox/OutboxIntents.js"
import * as SqlAccounts from "./SqlAccounts.js"
import * as SqlAdmins from "./SqlAdmins.js"
import * as SqlInvitations from "./SqlInvitations.js"
import * as SqlApiTokens from "./SqlApiTokens.js"
import * as SqlAuditLog from "./SqlAuditLog.js"
import * as SqlCallbackTokens from "./SqlCallbackTokens.js"
import * as SqlCredentials from "./SqlCredentials.js"
import * as SqlDropships from "./SqlDropships.js"
import * as SqlCustomers from "./SqlCustomers.js"
import * as SqlInventory from "./SqlInventory.js"
import * as SqlOrders from "./SqlOrders.js"
import * as SqlMemberships from "./SqlMemberships.js"
import * as SqlNotificationSubscriptions from "./SqlNotificationSubscriptions.js"
import * as SqlOutbox from "./SqlOutbox.js"
import * as SqlRmas from "./SqlRmas.js"
import * as SqlRoles from "./SqlRoles.js"
import * as SqlSessions from "./SqlSessions.js"
import * as SqlSettings from "./SqlSettings.js"
import * as SqlSupplyPorts from "./SqlSupplyPorts.js"
import * as SqlTenants from "./SqlTenants.js"
import * as SqlTransactions from "./SqlTransactions.js"

export type Ports =
  | Settings
  | Outbox
  | AuditLog
  | AuditTrail
  | Notifications
  | Transactions
  | Ids
  | DispatcherSignal
  | Accounts
  | Sessions
  | ApiTokens
  | Credentials
  | Tenants
  | Memberships
  | Roles
  | AuthorizationResolver
  | AuditListeners
  | NotificationSubscriptions
  | Invitations
  | Admins
  | AccessRevocation
  | SqlSupplyPorts.SupplyPorts
  | Customers
  | Inventory
  | Orders
  | Dropships
  | CallbackTokens
  | Rmas
  | ModulesPorts.Ports

const storage = Layer.mergeAll(
  SqlSettings.layer,
  SqlOutbox.layer,
  SqlAuditLog.layer,
  SqlAccounts.layer,
  SqlCredentials.layer,
  SqlTenants.layer,
  SqlRoles.layer,
  SqlMemberships.layer,
  SqlNotificationSubscriptions.layer,
  SqlInvitations.layer,
  SqlAdmins.layer,
  InProcessDispatcherSignal.layer,
  UuidV7Ids.layer,
  SqlSupplyPorts.layer,
  SqlCustomers.layer,
  SqlInventory.layer,
  SqlOrders.layer,
  SqlDropships.layer,
  SqlCallbackTokens.layer,
  SqlRmas.layer,
  ModulesPorts.sql
)

/** Every port of baton over one SQL client (SQLite or PostgreSQL, migrated beforehand). */
export const layer: Layer.Layer<Ports, never, SqlClient.SqlClient | NotificationChannels | CryptoKit> = Layer.mergeAll(GrantsAuthorizationResolver.layer, StoredAccessRevocation.layer, OrchestratedAuditListeners.layer).pipe(
  Layer.provideMerge(
    Layer.mergeAll(SqlTransactions.layer, OutboxIntents.layer, SqlSessions.layer, SqlApiTokens.layer).pipe(Layer.provideMerge(storage))
  )
)
