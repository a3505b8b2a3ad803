import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns"
import { BlockList, isIP } from "node:net"

/**
 * Addresses a tenant's webhook must never reach: "this network", loopback, private (RFC 1918,
 * unique local), shared (CGNAT), link-local (cloud metadata services live there), benchmarking,
 * documentation, multicast and reserved ranges, and IPv4 embedded in IPv6 (NAT64, 6to4), which
 * would reach any of those under another spelling. (`BlockList` checks an IPv4-mapped IPv6
 * address, `::ffff:a.b.c.d`, against the IPv4 ranges.)
 */
const reserved = (() => {
  const list = new BlockList()
  const v4: ReadonlyArray<readonly [string, number]> = [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
    ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4]
  ]
  const v6: ReadonlyArray<readonly [string, number]> = [
    ["::", 127], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 32], ["2001:db8::", 32],
    ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]
  ]
  v4.forEach(([network, prefix]) => list.addSubnet(network, prefix, "ipv4"))
  v6.forEach(([network, prefix]) => list.addSubnet(network, prefix, "ipv6"))
  return list
})()

const unbracketed = (host: string) => host.replace(/^\[(.*)\]$/, "$1")

const publicAddress = (bare: string, family: number) => family !== 0 && !reserved.check(bare, family === 4 ? "ipv4" : "ipv6")

/** Whether `address` (an IPv4 or IPv6 literal, IPv6 with or without brackets) is on the public internet. */
export const isPublic = (address: string): boolean => {
  const bare = unbracketed(address)
  return publicAddress(bare, isIP(bare))
}

/** Why `hostname` may not be reached, when it is an address literal that is not public. */
export const refusedLiteral = (hostname: string): string | undefined => {
  const bare = unbracketed(hostname)
  const family = isIP(bare)
  return family !== 0 && !publicAddress(bare, family) ? `${bare} is not a public address` : undefined
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | Array<LookupAddress>, family?: number) => void

/**
 * `dns.lookup` for sockets that may only reach public addresses: a name that resolves to any
 * address that is not public fails the connection. Given to the HTTP agent, the check applies to
 * the very address connected to, so a name re-pointed between a check and the connection (DNS
 * rebinding) is caught too.
 */
export const publicOnlyLookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error !== null) return callback(error, [])
    const refused = addresses.find((entry) => !isPublic(entry.address))
    if (refused !== undefined) {
      const failure: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refused.address}, which is not a public address`)
      failure.code = "EADDRNOTPUBLIC"
      return callback(failure, [])
    }
    if (options.all === true) return callback(null, addresses)
    const [first] = addresses
    return first === undefined ? callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []) : callback(null, first.address, first.family)
  })
}
