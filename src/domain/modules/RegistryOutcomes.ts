import { Either, Schema } from "effect"
import { type ModuleManifest, RegisteredModule, RegistryStatus } from "./Module.js"
import { highestSatisfying, isRange, isVersion } from "./Semver.js"

/** A version or range that is not valid semver. */
export class InvalidSemver extends Schema.TaggedClass<InvalidSemver>()("InvalidSemver", {
  field: Schema.String,
  value: Schema.String
}) {}

/** That name@version is in the registry already. */
export class DuplicateModule extends Schema.TaggedClass<DuplicateModule>()("DuplicateModule", {
  name: Schema.String,
  version: Schema.String
}) {}

/** A dependency has no published version in the range the module asks for. */
export class UnpublishedDependency extends Schema.TaggedClass<UnpublishedDependency>()("UnpublishedDependency", {
  name: Schema.String,
  range: Schema.String
}) {}

/** The registry entry cannot move from its status to the one asked for. */
export class InvalidRegistryTransition extends Schema.TaggedClass<InvalidRegistryTransition>()("InvalidRegistryTransition", {
  name: Schema.String,
  version: Schema.String,
  from: RegistryStatus,
  to: RegistryStatus
}) {}

export class ModuleRegistered extends Schema.TaggedClass<ModuleRegistered>()("ModuleRegistered", { module: RegisteredModule }) {}
export class ModulePublished extends Schema.TaggedClass<ModulePublished>()("ModulePublished", { module: RegisteredModule }) {}
export class ModuleDeprecated extends Schema.TaggedClass<ModuleDeprecated>()("ModuleDeprecated", { module: RegisteredModule }) {}

/** Registry listings. */
export class ModuleList extends Schema.TaggedClass<ModuleList>()("ModuleList", { modules: Schema.Array(RegisteredModule) }) {}

/** The published versions of each module, as the planner and the registry rules read them. */
export const publishedVersions = (entries: ReadonlyArray<RegisteredModule>, name: string): ReadonlyArray<string> =>
  entries.filter((e) => e.manifest.name === name && e.status === "Published").map((e) => e.manifest.version)

/** The first dependency of `manifest` without a published version in its range, if any. */
export const missingDependency = (
  manifest: ModuleManifest,
  registry: ReadonlyArray<RegisteredModule>
): Either.Either<void, UnpublishedDependency> => {
  for (const [name, range] of Object.entries(manifest.dependencies)) {
    if (highestSatisfying(publishedVersions(registry, name), [range]) === undefined) {
      return Either.left(new UnpublishedDependency({ name, range }))
    }
  }
  return Either.void
}

/**
 * Whether a manifest may be registered: a strict version, valid dependency ranges, not yet in the
 * registry, and every dependency published in its range.
 */
export const validateRegistration = (
  manifest: ModuleManifest,
  registry: ReadonlyArray<RegisteredModule>
): Either.Either<void, InvalidSemver | DuplicateModule | UnpublishedDependency> => {
  if (!isVersion(manifest.version)) return Either.left(new InvalidSemver({ field: "version", value: manifest.version }))
  const badRange = Object.entries(manifest.dependencies).find(([, range]) => !isRange(range))
  if (badRange !== undefined) return Either.left(new InvalidSemver({ field: `dependencies.${badRange[0]}`, value: badRange[1] }))
  if (registry.some((e) => e.manifest.name === manifest.name && e.manifest.version === manifest.version)) {
    return Either.left(new DuplicateModule({ name: manifest.name, version: manifest.version }))
  }
  return missingDependency(manifest, registry)
}

const allowed: Record<RegistryStatus, ReadonlyArray<RegistryStatus>> = {
  Draft: ["Published"],
  Published: ["Deprecated"],
  Deprecated: []
}

/** Whether an entry may move to `to`: Draft → Published → Deprecated. */
export const registryTransition = (entry: RegisteredModule, to: RegistryStatus): Either.Either<RegistryStatus, InvalidRegistryTransition> =>
  allowed[entry.status].includes(to)
    ? Either.right(to)
    : Either.left(new InvalidRegistryTransition({ name: entry.manifest.name, version: entry.manifest.version, from: entry.status, to }))
