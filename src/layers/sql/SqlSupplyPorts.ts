import type * as SqlClient from "@effect/sql/SqlClient"
import { Layer } from "effect"
import type { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import type { Procurement } from "../../orchestration/supply/Procurement.js"
import type { Receivables } from "../../orchestration/supply/Receivables.js"
import type { Sales } from "../../orchestration/supply/Sales.js"
import type { Warehouses } from "../../orchestration/supply/Warehouses.js"
import * as SqlInventoryLedger from "./SqlInventoryLedger.js"
import * as SqlProcurement from "./SqlProcurement.js"
import * as SqlReceivables from "./SqlReceivables.js"
import * as SqlSales from "./SqlSales.js"
import * as SqlWarehouses from "./SqlWarehouses.js"

/** The supply context's ports. */
export type SupplyPorts = InventoryLedger | Procurement | Sales | Warehouses | Receivables

/** The supply ports on baton's own tables (a host may bridge them to its ERP instead). */
export const layer: Layer.Layer<SupplyPorts, never, SqlClient.SqlClient> = Layer.mergeAll(
  SqlInventoryLedger.layer,
  SqlProcurement.layer,
  SqlSales.layer,
  SqlWarehouses.layer,
  SqlReceivables.layer
)
