import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is one the service must not post an LRS's statements to. An admin's
 * endpoint is a URL the service posts to from its own network position, so without this it could
 * reach what only the service can (server-side request forgery): this machine, private and shared
 * networks, link-local (where cloud metadata services answer), and the special ranges through which
 * an IPv6 address can lead to an IPv4 one (NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo,
 * IPv4-mapped and IPv4-compatible forms). The ranges come from ipaddr.js, which keeps the IANA
 * special-purpose registries: anything it does not call plain `unicast` is refused. False for
 * anything that is not an IP address.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  // `process` turns IPv4-mapped and IPv4-compatible IPv6 addresses into the IPv4 address they carry.
  return ipaddr.process(bare).range() !== 'unicast';
}

/** Host names that mean this machine whatever DNS says. */
export function isLocalHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}
