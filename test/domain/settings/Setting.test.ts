import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Option } from "effect"
import {
  catalogue,
  LoginEnabled,
  PlatformDisplayName,
  SessionIdleTimeoutMinutes,
  UserRegistrationEnabled,
  validateChange
} from "../../../src/domain/settings/Catalogue.js"
import { effectiveSettings, resolve, StoredSetting } from "../../../src/domain/settings/Setting.js"
import { TenantId } from "../../../src/domain/shared/Ids.js"

const acme = TenantId.make("acme")
const stored = (key: string, value: unknown, tenant?: TenantId) =>
  new StoredSetting({ key, tenantId: Option.fromNullable(tenant), value: value as never })

describe("resolve", () => {
  it("prefers the tenant's override, then the platform value, then the default", () => {
    const entries = [stored(UserRegistrationEnabled.key, false), stored(UserRegistrationEnabled.key, true, acme)]
    assert.deepStrictEqual(resolve(UserRegistrationEnabled, [], Option.some(acme)), Either.right(true))
    assert.deepStrictEqual(resolve(UserRegistrationEnabled, entries.slice(0, 1), Option.some(acme)), Either.right(false))
    assert.deepStrictEqual(resolve(UserRegistrationEnabled, entries, Option.some(acme)), Either.right(true))
    assert.deepStrictEqual(resolve(UserRegistrationEnabled, entries, Option.some(TenantId.make("other"))), Either.right(false))
    assert.deepStrictEqual(resolve(UserRegistrationEnabled, entries, Option.none()), Either.right(false))
  })

  it("reports a stored value that does not decode, naming the key", () => {
    const result = resolve(SessionIdleTimeoutMinutes, [stored(SessionIdleTimeoutMinutes.key, 0)], Option.none())
    assert.isTrue(Either.isLeft(result))
    if (Either.isLeft(result)) assert.include(result.left.message, "auth.session.idleTimeoutMinutes")
  })
})

describe("effectiveSettings", () => {
  it("lists every setting once, in key order, with its source", () => {
    const view = effectiveSettings(catalogue, [stored(LoginEnabled.key, false), stored(UserRegistrationEnabled.key, false, acme)], Option.some(acme))
    assert.deepStrictEqual(view.map((s) => s.key), [...catalogue.map((s) => s.key)].sort())
    const byKey = new Map(view.map((s) => [s.key, s]))
    assert.deepStrictEqual([byKey.get(LoginEnabled.key)?.value, byKey.get(LoginEnabled.key)?.source], [false, "platform"])
    assert.deepStrictEqual([byKey.get(UserRegistrationEnabled.key)?.value, byKey.get(UserRegistrationEnabled.key)?.source], [false, "tenant"])
    assert.deepStrictEqual([byKey.get(PlatformDisplayName.key)?.value, byKey.get(PlatformDisplayName.key)?.source], ["baton", "default"])
  })
})

describe("validateChange", () => {
  it.each([
    ["an unknown key", "no.such", 1, undefined, "UnknownSetting"],
    ["a value of the wrong type", LoginEnabled.key, "yes", undefined, "InvalidSettingValue"],
    ["a value out of range", SessionIdleTimeoutMinutes.key, 0, undefined, "InvalidSettingValue"],
    ["a fractional number of minutes", SessionIdleTimeoutMinutes.key, 1.5, undefined, "InvalidSettingValue"],
    ["an empty display name", PlatformDisplayName.key, "   ", undefined, "InvalidSettingValue"],
    ["an override of a platform setting", LoginEnabled.key, false, acme, "SettingNotOverridable"]
  ] as const)("rejects %s", (_, key, value, tenant, expected) => {
    const result = validateChange(catalogue, key, value, Option.fromNullable(tenant))
    assert.strictEqual(Either.isLeft(result) ? result.left._tag : "accepted", expected)
  })

  it("accepts a valid value in canonical form", () => {
    const result = validateChange(catalogue, PlatformDisplayName.key, "  Acme  ", Option.none())
    assert.deepStrictEqual(Either.map(result, (change) => change.value), Either.right("Acme"))
    assert.isTrue(Either.isRight(validateChange(catalogue, UserRegistrationEnabled.key, false, Option.some(acme))))
  })

  it.prop("never throws, whatever the key and the value", [fc.oneof(fc.string(), fc.constantFrom(...catalogue.map((s) => s.key))), fc.jsonValue(), fc.option(Arbitrary.make(TenantId))], ([key, value, tenant]) => {
    const result = validateChange(catalogue, key, value, Option.fromNullable(tenant))
    return Either.isLeft(result) || catalogue.some((setting) => setting.key === key)
  })

  it.prop("accepts every in-range idle timeout and no other number", [fc.double()], ([minutes]) => {
    const accepted = Either.isRight(validateChange(catalogue, SessionIdleTimeoutMinutes.key, minutes, Option.none()))
    return accepted === (Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440)
  })
})
