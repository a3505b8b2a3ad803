import { randomBytes } from "node:crypto"
import { Layer } from "effect"
import * as AesGcmSecretBox from "./AesGcmSecretBox.js"
import * as Argon2PasswordHashing from "./Argon2PasswordHashing.js"
import * as OtpauthTotpCodes from "./OtpauthTotpCodes.js"
import type { Argon2Parameters, PasswordHashing } from "./PasswordHashing.js"
import type { SecretBox } from "./SecretBox.js"
import type { TotpCodes } from "./TotpCodes.js"

export type CryptoKit = PasswordHashing | SecretBox | TotpCodes

/** Argon2id parameters cheap enough for test suites (the service uses `recommended`). */
export const testHashing: Argon2Parameters = { memoryCost: 1024, timeCost: 1, parallelism: 1 }

/**
 * The crypto kit for tests (baton's and its embedders'): real Argon2id with cheap parameters, a
 * random encryption key that lives as long as the layer, real TOTP.
 */
export const layerEphemeral = (hashing: Argon2Parameters = testHashing): Layer.Layer<CryptoKit> =>
  Layer.mergeAll(
    Argon2PasswordHashing.layer(hashing),
    AesGcmSecretBox.layer(AesGcmSecretBox.keyring(randomBytes(32))),
    OtpauthTotpCodes.layer
  )
