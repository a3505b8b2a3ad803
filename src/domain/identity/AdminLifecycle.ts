import { Either, Schema } from "effect"
import type { Actor } from "../shared/Actor.js"
import type { AccountId } from "../shared/Ids.js"
import { AccountStatus } from "./Account.js"

/** The account cannot go from `from` to `to`: the lifecycle has no such step. */
export class InvalidTransition extends Schema.TaggedClass<InvalidTransition>()("InvalidTransition", {
  from: AccountStatus,
  to: AccountStatus
}) {}

const steps: { readonly [From in AccountStatus]: ReadonlyArray<AccountStatus> } = {
  invited: ["active"],
  active: ["suspended", "disabled"],
  suspended: ["active", "disabled"],
  disabled: []
}

/**
 * The admin lifecycle: `invited → active ⇄ suspended`, `active | suspended → disabled` (terminal).
 * Answers the new status, or `InvalidTransition` (staying where one is counts as invalid too).
 */
export const transition = (from: AccountStatus, to: AccountStatus): Either.Either<AccountStatus, InvalidTransition> =>
  steps[from].includes(to) ? Either.right(to) : Either.left(new InvalidTransition({ from, to }))

/**
 * Whether taking `target` out of the active platform admins (suspending, disabling it, revoking
 * its `platform-admin` role) would leave none: `activePlatformAdmins` are the ids of the active
 * accounts holding `platform-admin`, read under the platform-admin lock.
 */
export const isLastPlatformAdmin = (activePlatformAdmins: ReadonlyArray<AccountId>, target: AccountId): boolean =>
  activePlatformAdmins.includes(target) && activePlatformAdmins.length <= 1

/** Whether the actor is the account it would act on (an admin may not suspend, disable or re-role itself). */
export const targetsSelf = (actor: Actor, account: AccountId): boolean =>
  (actor._tag === "AccountActor" || actor._tag === "ApiTokenActor") && actor.accountId === account

/** Notification kinds of the admin lifecycle (all security notifications: they cannot be turned off). */
export const AdminNotice = {
  invited: "admins.invited",
  activated: "admins.activated",
  suspended: "admins.suspended",
  reinstated: "admins.reinstated",
  disabled: "admins.disabled",
  roleGranted: "admins.roleGranted",
  roleRevoked: "admins.roleRevoked"
} as const
