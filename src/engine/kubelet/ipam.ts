/**
 * Pod IPs from the node's podCIDR, like the host-local CNI IPAM plugin: addresses are
 * handed out round-robin after the last one reserved, so a freed address is reused only
 * after every other one has been used. The first address is the bridge gateway.
 */

export interface IpamState {
  /** host offset of the last address handed out */
  last: number;
  /** host offset → pod uid */
  used: Record<string, string>;
}

function parseIP(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const o = m.slice(1, 5).map(Number);
  if (o.some((x) => x > 255)) return undefined;
  return ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
}

function parseCidr(cidr: string): { base: number; size: number } | undefined {
  const [ip, bitsText] = cidr.split('/');
  const base = parseIP(ip);
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) return undefined;
  return { base, size: 2 ** (32 - bits) };
}

function ipString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The first pod address is .2: .0 is the network and .1 the gateway. */
const FIRST_HOST = 2;

export function allocateIP(ipam: IpamState, cidr: string | undefined, uid: string): string | undefined {
  const range = cidr ? parseCidr(cidr) : undefined;
  if (!range) return undefined;
  const lastHost = range.size - 2; // the broadcast address is not handed out
  const count = lastHost - FIRST_HOST + 1;
  if (count <= 0) return undefined;
  for (let i = 1; i <= count; i++) {
    const offset = FIRST_HOST + ((Math.max(ipam.last, FIRST_HOST - 1) - FIRST_HOST + i) % count);
    if (ipam.used[offset] === undefined) {
      ipam.used[offset] = uid;
      ipam.last = offset;
      return ipString(range.base + offset);
    }
  }
  return undefined;
}

export function releaseIP(ipam: IpamState, cidr: string | undefined, ip: string | undefined): void {
  const range = cidr ? parseCidr(cidr) : undefined;
  const addr = ip ? parseIP(ip) : undefined;
  if (!range || addr === undefined) return;
  const offset = addr - range.base;
  delete ipam.used[offset];
}
