import { createHash } from "node:crypto"
import type { Digest } from "../../domain/audit/AuditChain.js"

/** SHA-256 of a UTF-8 string, as 64 hex characters: the digest of the audit chain. */
export const hex: Digest = (text) => createHash("sha256").update(text, "utf8").digest("hex")
