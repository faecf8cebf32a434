import ipaddr from 'ipaddr.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CANONICAL_IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * The key of a source address: IPv4 as is (also when mapped into IPv6), IPv6 by its /64, since
 * one subscriber usually holds a whole /64 and could otherwise change address on every attempt.
 */
export function throttleAddress(ip: string | null): string | null {
  // Dotted decimal without leading zeros is already its own canonical form: no parse needed.
  if (ip && CANONICAL_IPV4.test(ip)) return ip;
  if (!ip || !ipaddr.isValid(ip)) return ip || null;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}
