import { hash } from "node:crypto"
import type { Digest } from "../../domain/audit/AuditChain.js"

/**
 * SHA-256 of a UTF-8 string, as 64 hex characters: the digest of the audit chain and of stored
 * bearer secrets (`Tokens.digest`). One-shot `crypto.hash` (Node ≥ 20.12): every authenticated
 * request digests its bearer, and a `Hash` object costs twice as much.
 */
export const hex: Digest = (text) => hash("sha256", text, "hex")
