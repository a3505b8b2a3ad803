import { Layer } from "effect"
import type { InventoryLedger } from "../../orchestration/supply/InventoryLedger.js"
import type { Procurement } from "../../orchestration/supply/Procurement.js"
import type { Receivables } from "../../orchestration/supply/Receivables.js"
import type { Sales } from "../../orchestration/supply/Sales.js"
import type { Warehouses } from "../../orchestration/supply/Warehouses.js"
import type { MemoryDatabase } from "./MemoryDatabase.js"
import * as MemoryInventoryLedger from "./MemoryInventoryLedger.js"
import * as MemoryProcurement from "./MemoryProcurement.js"
import * as MemoryReceivables from "./MemoryReceivables.js"
import * as MemorySales from "./MemorySales.js"
import * as MemoryWarehouses from "./MemoryWarehouses.js"

/** The supply ports in memory, over the shared `MemoryDatabase` (so transactions roll them back). */
export const layer: Layer.Layer<InventoryLedger | Procurement | Sales | Warehouses | Receivables, never, MemoryDatabase> = Layer.mergeAll(
  MemoryInventoryLedger.layer,
  MemoryProcurement.layer,
  MemorySales.layer,
  MemoryWarehouses.layer,
  MemoryReceivables.layer
)
