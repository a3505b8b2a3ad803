import { Schema } from "effect"
import { Sku, WarehouseId } from "../../domain/supply/Ids.js"
import { MovementKind, PostedMovement, StockMovement, ValuationEntry, ValuationKind } from "../../domain/supply/Ledger.js"
import { Item } from "../../domain/supply/MasterData.js"
import { CurrencyCode } from "../../domain/supply/Money.js"
import type { TenantId } from "../../domain/shared/Ids.js"
import { DayColumn, FlagColumn, IntColumn, OptionalIntColumn } from "./SqlSupplyRows.js"

/** Rows of the inventory ledger tables and their mapping to the domain. */

export const ItemRow = Schema.Struct({
  sku: Sku,
  name: Schema.String,
  unit_of_measure: Schema.String,
  pack_size: IntColumn,
  transfer_lot_size: IntColumn,
  returnable: FlagColumn,
  unit_weight_grams: IntColumn,
  unit_volume_cm3: IntColumn
})
export const MovementRow = Schema.Struct({
  seq: IntColumn,
  sku: Sku,
  warehouse_id: WarehouseId,
  quantity: IntColumn,
  kind: MovementKind,
  reference: Schema.String,
  occurred_on: DayColumn,
  unit_cost: OptionalIntColumn
})
export const ValuationRow = Schema.Struct({ sku: Sku, currency: CurrencyCode, quantity: IntColumn, value: IntColumn })
export const EntryRow = Schema.Struct({
  sku: Sku,
  kind: ValuationKind,
  quantity: IntColumn,
  inventory: IntColumn,
  cogs: IntColumn,
  currency: CurrencyCode,
  reference: Schema.String,
  occurred_on: DayColumn
})
export const LevelRow = Schema.Struct({ sku: Sku, warehouse_id: WarehouseId, on_hand: IntColumn })
export const TotalRow = Schema.Struct({ sku: Sku, quantity: IntColumn })

export const toItem = (r: typeof ItemRow.Type) =>
  new Item({
    sku: r.sku,
    name: r.name,
    unitOfMeasure: r.unit_of_measure,
    packSize: r.pack_size,
    transferLotSize: r.transfer_lot_size,
    returnable: r.returnable,
    unitWeightGrams: r.unit_weight_grams,
    unitVolumeCm3: r.unit_volume_cm3
  })
export const toMovement = (r: typeof MovementRow.Type) =>
  new PostedMovement({
    sequence: r.seq,
    movement: new StockMovement({
      sku: r.sku,
      warehouseId: r.warehouse_id,
      quantity: r.quantity,
      kind: r.kind,
      reference: r.reference,
      occurredOn: r.occurred_on,
      ...(r.unit_cost === null ? {} : { unitCost: r.unit_cost })
    })
  })
export const toEntry = (r: typeof EntryRow.Type) =>
  new ValuationEntry({ sku: r.sku, kind: r.kind, quantity: r.quantity, inventory: r.inventory, cogs: r.cogs, currency: r.currency, reference: r.reference, occurredOn: r.occurred_on })

export const itemRow = (tenant: TenantId, i: Item) => ({
  tenant_id: tenant,
  sku: i.sku,
  name: i.name,
  unit_of_measure: i.unitOfMeasure,
  pack_size: i.packSize,
  transfer_lot_size: i.transferLotSize,
  returnable: i.returnable ? 1 : 0,
  unit_weight_grams: i.unitWeightGrams,
  unit_volume_cm3: i.unitVolumeCm3
})
