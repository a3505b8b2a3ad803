import { assert, describe, it } from "@effect/vitest"
import { isPublic, refusedLiteral } from "../../../src/layers/notify/PublicAddresses.js"

describe("PublicAddresses", () => {
  it("tells public addresses from loopback, private, shared, link-local, documentation, multicast and embedded ones", () => {
    const refused = [
      "0.0.0.0", "10.1.2.3", "100.64.0.1", "127.0.0.1", "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255",
      "192.0.2.10", "192.168.1.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255",
      "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
      "2001:db8::1", "2002:7f00:1::", "[::1]", "not an address", ""
    ]
    const allowed = ["1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "[2a00:1450:4001:82b::200e]"]
    assert.deepStrictEqual(refused.filter(isPublic), [])
    assert.deepStrictEqual(allowed.filter((address) => !isPublic(address)), [])
  })

  it("refuses address literals that are not public, and leaves names to the connection's lookup", () => {
    assert.strictEqual(refusedLiteral("10.0.0.5"), "10.0.0.5 is not a public address")
    assert.strictEqual(refusedLiteral("[fe80::1]"), "fe80::1 is not a public address")
    assert.isUndefined(refusedLiteral("93.184.216.34"))
    assert.isUndefined(refusedLiteral("hooks.example.com"))
    assert.isUndefined(refusedLiteral("localhost"))
  })
})
