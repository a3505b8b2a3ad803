import { Context, type Effect } from "effect"

/**
 * Encryption at rest for the credential adapters (TOTP secrets): AES-256-GCM with key ids for
 * rotation. `associatedData` (e.g. the account id) is authenticated but not stored: a sealed
 * value copied to another account no longer opens.
 */
export class SecretBox extends Context.Tag("baton/layers/crypto/SecretBox")<SecretBox, {
  /** Encrypts with the current key; the result names the key id and carries nonce and tag. */
  readonly seal: (plaintext: string, associatedData: string) => Effect.Effect<string>
  /** Decrypts with the key the sealed value names; a tampered value, wrong associated data or unknown key id is a defect. */
  readonly open: (sealed: string, associatedData: string) => Effect.Effect<string>
}>() {}
