import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may go: public unicast addresses only. The ranges are the IANA special-purpose
 * registries' "not globally reachable" blocks plus multicast and the reserved space; net.BlockList
 * does the matching (it also matches IPv4-mapped IPv6, ::ffff:a.b.c.d, against the IPv4 rules).
 */
const REFUSED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation TEST-NET-2
  ['203.0.113.0', 24], // documentation TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 broadcast included
];

const REFUSED_V6: [string, number][] = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // SRv6 SIDs
  ['fc00::', 7], // unique local (private)
  ['fec0::', 10], // site-local (deprecated)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

/** IPv6 space that can hold a public host: global unicast, and NAT64 (checked by the IPv4 inside it). */
const GLOBAL_V6: [string, number][] = [
  ['2000::', 3],
  ['64:ff9b::', 96],
  ['::ffff:0:0', 96],
];

/** IPv6 prefixes that carry an IPv4 address, with the bit offset where it starts: NAT64 and 6to4. */
const EMBEDDING_V6: [prefix: string, offset: number][] = [
  ['64:ff9b::', 96],
  ['2002::', 16],
];

const refused = new BlockList();
const global6 = new BlockList();
for (const [net, bits] of REFUSED_V4) refused.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of REFUSED_V6) refused.addSubnet(net, bits, 'ipv6');
for (const [net, bits] of GLOBAL_V6) global6.addSubnet(net, bits, 'ipv6');
// 64:ff9b::127.0.0.1 or 2002:7f00:1:: reach 127.0.0.1 through a translator: refuse each range in each carrier too
for (const [prefix, offset] of EMBEDDING_V6) {
  for (const [net, bits] of REFUSED_V4) refused.addSubnet(embed(prefix, offset, net), offset + bits, 'ipv6');
}

/** The IPv6 address with the IPv4 address `v4` written into it at bit `offset` (a multiple of 16). */
function embed(prefix: string, offset: number, v4: string): string {
  const [a, b, c, d] = v4.split('.').map(Number);
  const groups = prefix
    .replace(/::$/, '')
    .split(':')
    .map((g) => parseInt(g, 16));
  while (groups.length < offset / 16) groups.push(0);
  groups.push(a * 256 + b, c * 256 + d);
  while (groups.length < 8) groups.push(0);
  return groups.map((g) => g.toString(16)).join(':');
}

/** True when `ip` (a literal address, IPv6 without brackets) is a public unicast address. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !refused.check(ip, 'ipv4');
  if (family === 6) return global6.check(ip, 'ipv6') && !refused.check(ip, 'ipv6');
  return false;
}

/** The literal address a URL hostname spells ("[::1]" → "::1"), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** Names that only ever mean something inside a network (RFC 6761 localhost, RFC 6762 .local, .internal). */
export function isInternalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || /\.(localhost|local|internal)$/.test(h);
}
