import { Effect, Option } from "effect"
import { ApiToken, TOKEN_PREFIX } from "../../domain/identity/ApiToken.js"
import { ContractViolation } from "../../domain/shared/Defects.js"
import { ApiTokenId } from "../../domain/shared/Ids.js"
import type { IssueToken } from "../../orchestration/identity/ApiTokens.js"
import { Ids } from "../../orchestration/shared/Ids.js"
import * as Tokens from "../crypto/Tokens.js"

/**
 * A new API token for the adapters to store: the record, the secret (shown once) and its
 * digest (stored). A name or scope the domain refuses is the caller's broken contract.
 */
export const newApiToken = (input: IssueToken) =>
  Effect.gen(function*() {
    const id = ApiTokenId.make(yield* (yield* Ids).next)
    const token = Tokens.mint(TOKEN_PREFIX)
    const apiToken = yield* Effect.try({
      try: () =>
        new ApiToken({
          id,
          accountId: input.accountId,
          name: input.name,
          scopes: input.scopes,
          hint: token.slice(0, 14),
          createdAt: input.now,
          expiresAt: input.expiresAt,
          lastUsedAt: Option.none(),
          revokedAt: Option.none()
        }),
      catch: (cause) => new ContractViolation({ message: `ApiTokens.issue: ${String(cause)}` })
    }).pipe(Effect.orDie)
    return { apiToken, token, tokenHash: Tokens.digest(token) }
  })
