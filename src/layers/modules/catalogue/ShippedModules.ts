import type { ModuleDefinition } from "../ModuleDefinition.js"
import { Contacts_1_0_0 } from "./Contacts.js"
import { DigitalCard_1_0_0, DigitalCard_1_1_0 } from "./DigitalCard.js"
import { Loyalty_1_0_0 } from "./Loyalty.js"

/**
 * The modules baton ships, declared the way a host program declares its own: Contacts; DigitalCard
 * (depends on Contacts ^1; 1.1.0 adds a column); Loyalty (depends on DigitalCard ^1 and Contacts ^1).
 */
export const shipped: ReadonlyArray<ModuleDefinition> = [Contacts_1_0_0, DigitalCard_1_0_0, DigitalCard_1_1_0, Loyalty_1_0_0]
