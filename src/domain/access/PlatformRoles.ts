import { Schema } from "effect"

/**
 * The roles granted platform-wide: `platform-admin` (every ability) and `platform-operator`
 * (read-only). The admin lifecycle and platform role grants deal in these only.
 */
export const PlatformRoleName = Schema.Literal("platform-admin", "platform-operator")
export type PlatformRoleName = typeof PlatformRoleName.Type

/** The role an invitation carries when the inviter names none: the least privileged one. */
export const DEFAULT_INVITED_ROLE: PlatformRoleName = "platform-operator"
