import { isIP } from 'node:net';

/** The switch that lets embedded and memory mode listen beyond this machine. */
export const EXPOSE_DEV_ISSUER = 'CRUDDUR_EXPOSE_DEV_ISSUER';

/** `localhost`, 127.0.0.0/8, ::1 (also as an IPv4-mapped address). */
export const isLoopback = (host: string): boolean => {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address.startsWith('::ffff:127.');
};

/**
 * Embedded and memory mode serve `/dev/token`, which mints a valid token for any user: on a
 * non-loopback address anyone who can reach the port can act as anyone. Refused unless asked for.
 */
export function exposureProblem(host: string, env: Readonly<Record<string, string | undefined>>): string | null {
  if (isLoopback(host) || env[EXPOSE_DEV_ISSUER]?.trim() === '1') return null;
  return (
    `HOST: "${host}" is not a loopback address, and embedded and memory mode serve POST /dev/token, which ` +
    'gives anyone who can reach the port a token for any user. Listen on 127.0.0.1, configure real ' +
    `services, or set ${EXPOSE_DEV_ISSUER}=1 to expose the dev issuer on purpose.`
  );
}
