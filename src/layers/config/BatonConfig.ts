import { Config, ConfigError, Duration, Either, Option, Redacted } from "effect"
import { DeliveryPolicy } from "../../domain/outbox/DeliveryPolicy.js"
import { type Argon2Parameters, belowMinimum, recommended } from "../crypto/PasswordHashing.js"

/** A whole number from `name`, between `min` and `max` (a clear error names the bounds); `fallback` when unset. */
export const integerBetween = (name: string, min: number, max: number, fallback: number): Config.Config<number> =>
  Config.integer(name).pipe(
    Config.validate({ message: `must be between ${min} and ${max}`, validation: (n) => n >= min && n <= max }),
    Config.withDefault(fallback)
  )

/** A duration from `name` in milliseconds, between `min` and `max`; `fallback` ms when unset. */
export const millisBetween = (name: string, min: number, max: number, fallback: number): Config.Config<Duration.Duration> =>
  integerBetween(name, min, max, fallback).pipe(Config.map(Duration.millis))

/** Where baton keeps its data: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly _tag: "Sqlite"; readonly filename: string }
  | { readonly _tag: "Postgres"; readonly url: Redacted.Redacted }

/** `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise SQLite at `$BATON_DATA_DIR/baton.db`. */
export const database: Config.Config<DatabaseConfig> = Config.all({
  url: Config.option(Config.redacted("DATABASE_URL")),
  dataDir: Config.string("BATON_DATA_DIR").pipe(Config.withDefault("./data"))
}).pipe(
  Config.mapOrFail(({ dataDir, url }): Either.Either<DatabaseConfig, ConfigError.ConfigError> =>
    Option.match(url, {
      onNone: () => Either.right({ _tag: "Sqlite", filename: `${dataDir.replace(/\/+$/, "")}/baton.db` }),
      onSome: (value) =>
        /^postgres(ql)?:\/\//.test(Redacted.value(value))
          ? Either.right({ _tag: "Postgres", url: value })
          : Either.left(
            ConfigError.InvalidData(["DATABASE_URL"], "must be a postgres:// or postgresql:// URL (unset it to use SQLite)")
          )
    })
  )
)

/** The HTTP listener. */
export const server = Config.all({
  port: Config.port("PORT").pipe(Config.withDefault(3000)),
  host: Config.string("HOST").pipe(Config.withDefault("127.0.0.1"))
})

/** The webhook notification channel, when `BATON_WEBHOOK_URL` is set (its secret is then required). */
export const webhook: Config.Config<Option.Option<{ readonly url: URL; readonly secret: Redacted.Redacted }>> = Config
  .all({
    url: Config.option(Config.url("BATON_WEBHOOK_URL")),
    secret: Config.option(Config.redacted("BATON_WEBHOOK_SECRET"))
  })
  .pipe(
    Config.mapOrFail(({ secret, url }) => {
      if (Option.isNone(url)) return Either.right(Option.none())
      if (Option.isNone(secret)) {
        return Either.left(ConfigError.MissingData(["BATON_WEBHOOK_SECRET"], "is required when BATON_WEBHOOK_URL is set"))
      }
      return Redacted.value(secret.value).length < 32
        ? Either.left(
          ConfigError.InvalidData(["BATON_WEBHOOK_SECRET"], "must be at least 32 characters (it signs every webhook with HMAC-SHA256)")
        )
        : Either.right(Option.some({ url: url.value, secret: secret.value }))
    })
  )

/**
 * Whether tenants' webhook endpoints may be on loopback, private or link-local addresses
 * (`BATON_WEBHOOK_PRIVATE_ADDRESSES=true`, for local development). Off by default: a tenant admin
 * must not be able to make baton POST into the operator's own network.
 */
export const webhookPrivateAddresses = Config.boolean("BATON_WEBHOOK_PRIVATE_ADDRESSES").pipe(Config.withDefault(false))


/**
 * Argon2id's parameters for new password hashes (`recommended` by default: OWASP's m = 19 MiB,
 * t = 2, p = 1). A stored hash made with other parameters is rehashed at the account's next
 * successful login. Anything weaker than OWASP's minimum is refused.
 */
export const passwordHashing: Config.Config<Argon2Parameters> = Config.all({
  memoryCost: integerBetween("BATON_ARGON2_MEMORY_KIB", 1, 4_194_304, recommended.memoryCost),
  timeCost: integerBetween("BATON_ARGON2_PASSES", 1, 100, recommended.timeCost),
  parallelism: integerBetween("BATON_ARGON2_PARALLELISM", 1, 16, recommended.parallelism)
}).pipe(
  Config.mapOrFail((params) => {
    const weak = belowMinimum(params)
    return weak === undefined
      ? Either.right(params)
      : Either.left(ConfigError.InvalidData(["BATON_ARGON2_MEMORY_KIB"], `${weak}; got ${params.memoryCost} KiB (BATON_ARGON2_PASSES = ${params.timeCost})`))
  })
)

/** The outbox dispatcher's pace and retry budget. */
export const dispatcher = Config.all({
  pollInterval: millisBetween("BATON_OUTBOX_POLL_MS", 10, 60_000, 1000),
  gather: millisBetween("BATON_OUTBOX_GATHER_MS", 0, 1000, 25),
  lease: millisBetween("BATON_OUTBOX_LEASE_MS", 100, 3_600_000, 60_000),
  policy: Config.all({
    maxAttempts: integerBetween("BATON_OUTBOX_MAX_ATTEMPTS", 1, 100, 12),
    baseDelayMs: integerBetween("BATON_OUTBOX_RETRY_BASE_MS", 1, 3_600_000, 1000)
  }).pipe(
    Config.map(({ baseDelayMs, maxAttempts }) =>
      new DeliveryPolicy({ maxAttempts, baseDelay: Duration.millis(baseDelayMs), maxDelay: Duration.minutes(10) })
    )
  )
})

/**
 * Whether orchestrators, SQL statements and requests create tracing spans. Off unless a host
 * provides a tracer that exports them: spans nobody reads cost 15–25% of throughput.
 */
export const tracing = Config.boolean("BATON_TRACING").pipe(Config.withDefault(false))
