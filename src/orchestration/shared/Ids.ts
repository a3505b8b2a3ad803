import { Context, type Effect } from "effect"

/** Mints identifiers. Production ids are UUIDv7 (time-ordered); tests use a predictable sequence. */
export class Ids extends Context.Tag("baton/shared/Ids")<Ids, {
  /** A new identifier, unique across processes. Brand it with the entity's id schema. */
  readonly next: Effect.Effect<string>
}>() {}
