// Which addresses a fetch may reach. Everything a user names is hostile until its resolved address is checked:
// loopback, private, link-local, CGNAT, multicast, unspecified and IPv4-mapped IPv6 forms are refused.
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can reach IPv4 space
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address hidden in an IPv4-mapped or -compatible IPv6 address (::ffff:7f00:1 → 127.0.0.1). */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const m = /^(?:0{0,4}:){0,5}(?:ffff:)?(?:0{1,4}:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (m) return m[1]!;
  const hex = /^(?:0{0,4}:){0,5}(?::|ffff:)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex && (lower.startsWith('::ffff:') || lower.startsWith('0:0:0:0:0:ffff:') || /^::[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(lower))) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** True when a fetch must not reach this IP address (a literal, as resolved or as written in a URL). */
export function isBlockedAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) return isBlockedAddress(v4);
    return blocked.check(ip, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/**
 * Reads the host of a URL as an IPv4 address when it is written as one in any form a resolver accepts
 * (decimal 2130706433, octal 0177.0.0.1, hex 0x7f.1); null for a name. WHATWG URL already normalizes these,
 * this is the second line for hosts that reach us another way.
 */
export function numericIpv4(host: string): string | null {
  const parts = host.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0x[0-9a-f]*|\d+)$/i.test(p))) return null;
  const nums = parts.map((p) => (/^0x/i.test(p) ? parseInt(p.slice(2) || '0', 16) : /^0\d/.test(p) ? parseInt(p, 8) : Number(p)));
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const last = nums.pop()!;
  let value = last;
  nums.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  if (value > 0xffffffff || nums.some((n) => n > 255)) return null;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
