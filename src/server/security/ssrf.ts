// The SSRF guard for every URL an admin gives Landfall to call (webhook endpoints, a CRM's base URL): a URL may only
// lead to a public address. The host is resolved and every address checked (one private address is enough to
// refuse), when the URL is saved and again before each call; webhook deliveries connect to the address that was
// checked (no second lookup an attacker's DNS could answer differently).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { invalid } from '../http/errors.ts';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (and AWS's fd00:ec2::254 metadata)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
  ['100::', 64], // discard
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), else undefined. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Whether an address is private, loopback, link-local, metadata or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address);
  if (v4) return blocked.check(v4, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** Whether private targets are allowed (WEBHOOKS_ALLOW_PRIVATE) and whether only https is (production). */
export interface OutboundPolicy {
  allowPrivate: boolean;
  httpsOnly: boolean;
}

/** What the URL is, in the user's words ("webhook URL", "CRM URL"), and where it was in the request. */
export interface TargetLabel {
  what: string;
  path: (string | number)[];
}

/** A target that passed the guard: where to connect (the checked address) and which host to name (TLS, Host). */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Checks an outbound URL and resolves it: a 400 naming the problem when it is not https (in production), carries
 * credentials, or any of its addresses is not public (unless WEBHOOKS_ALLOW_PRIVATE).
 */
export async function checkOutboundTarget(
  raw: string,
  policy: OutboundPolicy,
  { what, path }: TargetLabel = { what: 'webhook URL', path: ['body', 'url'] },
): Promise<CheckedTarget> {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && (policy.httpsOnly || url.protocol !== 'http:')) {
    throw invalid(`The ${what} must start with https:// (what is sent carries your data).`, { path });
  }
  if (url.username || url.password) throw invalid(`The ${what} must not carry a user name or password.`, { path });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw invalid(`The ${what}'s host "${host}" cannot be found (DNS). Check the address.`, { path });
    }
  }
  if (addresses.length === 0) throw invalid(`The ${what}'s host "${host}" has no address.`, { path });
  if (!policy.allowPrivate) {
    const inside = addresses.find((entry) => isPrivateAddress(entry.address));
    if (inside) {
      throw invalid(
        `The ${what} leads to ${inside.address}, a private, loopback, link-local or metadata address: Landfall only calls public internet addresses.`,
        { path },
      );
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
