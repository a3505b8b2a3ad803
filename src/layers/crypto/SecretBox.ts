import { Context, type Effect } from "effect"

/** Encryption at rest for the credential adapters (TOTP secrets): AES-256-GCM with key ids for rotation. */
export class SecretBox extends Context.Tag("baton/layers/crypto/SecretBox")<SecretBox, {
  /** Encrypts with the current key; the result names the key id and carries nonce and tag. */
  readonly seal: (plaintext: string) => Effect.Effect<string>
  /** Decrypts with the key the sealed value names; a tampered value or an unknown key id is a defect. */
  readonly open: (sealed: string) => Effect.Effect<string>
}>() {}
