import { Config, ConfigError, Duration, Either, Option, Redacted } from "effect"
import { DeliveryPolicy } from "../../domain/outbox/DeliveryPolicy.js"

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

/** The outbox dispatcher's pace and retry budget. */
export const dispatcher = Config.all({
  pollInterval: Config.integer("BATON_OUTBOX_POLL_MS").pipe(
    Config.validate({ message: "must be between 10 and 60000", validation: (n) => n >= 10 && n <= 60_000 }),
    Config.withDefault(1000),
    Config.map(Duration.millis)
  ),
  gather: Config.integer("BATON_OUTBOX_GATHER_MS").pipe(
    Config.validate({ message: "must be between 0 and 1000", validation: (n) => n >= 0 && n <= 1000 }),
    Config.withDefault(25),
    Config.map(Duration.millis)
  ),
  lease: Config.integer("BATON_OUTBOX_LEASE_MS").pipe(
    Config.validate({ message: "must be between 100 and 3600000", validation: (n) => n >= 100 && n <= 3_600_000 }),
    Config.withDefault(60_000),
    Config.map(Duration.millis)
  ),
  policy: Config.all({
    maxAttempts: Config.integer("BATON_OUTBOX_MAX_ATTEMPTS").pipe(
      Config.validate({ message: "must be between 1 and 100", validation: (n) => n >= 1 && n <= 100 }),
      Config.withDefault(12)
    ),
    baseDelayMs: Config.integer("BATON_OUTBOX_RETRY_BASE_MS").pipe(
      Config.validate({ message: "must be between 1 and 3600000", validation: (n) => n >= 1 && n <= 3_600_000 }),
      Config.withDefault(1000)
    )
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
