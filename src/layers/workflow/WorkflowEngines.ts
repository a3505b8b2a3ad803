import * as ClusterWorkflowEngine from "@effect/cluster/ClusterWorkflowEngine"
import * as ShardingConfig from "@effect/cluster/ShardingConfig"
import * as SingleRunner from "@effect/cluster/SingleRunner"
import type * as SqlClient from "@effect/sql/SqlClient"
import * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { type ConfigError, Duration, Layer } from "effect"

/**
 * The durable workflow engine on one machine: `ClusterWorkflowEngine` over a single SQL-backed
 * runner that keeps messages, replies, timers, runners and shard locks in the ambient SQL client's
 * `cluster_*` tables (SQLite or PostgreSQL alike), creating them on first use.
 *
 * `pollInterval` is how often stored messages are polled; it bounds how late a resumed workflow
 * or an elapsed durable timer is picked up (default 100 ms; the cluster's own default is 10 s).
 *
 * `shardsPerGroup` (default 32; the cluster's own default is 300) is how many shards executions
 * are spread over. The runner reads its stored messages with every shard id it owns written into
 * the SQL (prepared anew each time): with 300 shards one read costs ≈240 µs of CPU on SQLite,
 * with 32 ≈40 µs, and a checkout makes about three (`bench/checkout.ts`). It is fixed for the
 * life of a database (a message is stored with its shard: changing the count strands the
 * messages of shards no longer owned) and bounds how many runners can share the work.
 *
 * Every sharding setting is fixed here from `ShardingConfig.defaults`, so the environment changes
 * nothing. `SingleRunner` still parses `ShardingConfig.layerFromEnv`'s unprefixed variables (`HOST`,
 * `PORT`, `LISTEN_HOST`, `LISTEN_PORT`, `RUNNER_SHARD_WEIGHT`, `AVAILABLE_SHARD_GROUPS`,
 * `SHARD_GROUPS`, `SHARDS_PER_GROUP`, `PREEMPTIVE_SHUTDOWN`, `SHARD_LOCK_*`, `ENTITY_*`,
 * `SEND_RETRY_INTERVAL`, `REFRESH_ASSIGNMENTS_INTERVAL`, `RUNNER_HEALTH_CHECK_INTERVAL`,
 * `SIMULATE_REMOTE_SERIALIZATION`) and discards them: the layer fails with a `ConfigError` only when
 * one of them is set to a value of the wrong type (e.g. `PORT=abc`).
 *
 * A runner that cannot reach its SQL storage at start-up dies rather than failing.
 */
export const layerSql = (options?: {
  readonly pollInterval?: Duration.DurationInput
  readonly shardsPerGroup?: number
}): Layer.Layer<WorkflowEngine.WorkflowEngine, ConfigError.ConfigError, SqlClient.SqlClient> =>
  ClusterWorkflowEngine.layer.pipe(
    Layer.provide(
      SingleRunner.layer({
        runnerStorage: "sql",
        shardingConfig: {
          ...ShardingConfig.defaults,
          entityMessagePollInterval: options?.pollInterval ?? Duration.millis(100),
          shardsPerGroup: options?.shardsPerGroup ?? 32
        }
      })
    )
  )

/**
 * The in-memory workflow engine. It is not durable: executions, activity results, timers and
 * compensations live only in this process and are lost when it stops. For unit tests only.
 */
export const layerMemory: Layer.Layer<WorkflowEngine.WorkflowEngine> = WorkflowEngine.layerMemory
