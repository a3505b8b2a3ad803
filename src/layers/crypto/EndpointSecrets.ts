import { mint } from "./Tokens.js"

/** A new signing secret for a webhook endpoint: `whsec_` and 256 random bits (base64url). */
export const generate = (): string => mint("whsec_")

/** What an endpoint's sealed secret is bound to: a sealed secret copied to another endpoint no longer opens. */
export const associatedData = (tenant: string, endpoint: string): string => `webhook-endpoint:${tenant}:${endpoint}`
