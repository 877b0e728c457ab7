// The strict grammar of one `$ ssh …` line as CircleCI prints it (docs/circleci-page.md#step-output-text;
// docs/security.md#s3-strict-parse to #s6-user).
// Job output is written by whoever controls the build config, so every part is validated and only
// canonical values pass: anything ssh or the resolver would reinterpret (octal or short IPv4, ports with
// signs or leading zeros, hosts starting with `-`) is refused rather than "cleaned up".

export const WINDOWS_SHELLS = ['bash.exe', 'cmd.exe', 'powershell.exe'] as const;
export type WindowsShell = (typeof WINDOWS_SHELLS)[number];

/** The only host that fronts jobs in the proxy form (`<job-uuid>-<n>@ssh.circleci.com`). */
export const PROXY_HOST = 'ssh.circleci.com';

export interface SshTarget {
  /** Only when the line printed `user@` (proxy form and CircleCI 1.0); never invented. */
  readonly user?: string;
  /** A canonical dotted-quad IPv4, an IPv6 address (without brackets) or an ASCII DNS name. */
  readonly host: string;
  readonly port?: number;
  /** The line asked for a terminal (`-t`), as Windows jobs sometimes print. */
  readonly tty: boolean;
  /** Windows jobs print one line per shell, passed after `--`. */
  readonly shell?: WindowsShell;
}

const PORT = /^[1-9][0-9]{0,4}$/;
const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const USER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/;

export function parsePort(text: string): number | undefined {
  if (!PORT.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/**
 * An ASCII DNS name. Its last label must start with a letter, so that nothing a resolver would read
 * as a number (`2130706433`, `127.1`, `0x7f.0x1`) passes as a "name".
 */
export function isDnsName(text: string): boolean {
  if (text.length > 253) return false;
  const labels = text.split('.');
  const last = labels.at(-1) ?? '';
  return labels.every((label) => DNS_LABEL.test(label)) && /^[A-Za-z]/.test(last);
}

/** A bare IPv6 address, checked by the URL parser and required to be in the form it gives back. */
export function isIpv6(text: string): boolean {
  if (!IPV6_CHARS.test(text) || !text.includes(':')) return false;
  try {
    return new URL(`http://[${text}]/`).hostname === `[${text.toLowerCase()}]`;
  } catch {
    return false;
  }
}

export function isUser(text: string): boolean {
  return USER.test(text);
}

function parseHost(text: string): string | undefined {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1);
    return isIpv6(inner) ? inner : undefined;
  }
  if (isIpv4(text) || isIpv6(text)) return text;
  if (/^[0-9.]+$/.test(text)) return undefined; // a non-canonical IPv4 such as 010.1.1.1
  return isDnsName(text) ? text : undefined;
}

function parseDestination(token: string, proxyHosts: readonly string[]): Pick<SshTarget, 'user' | 'host'> | undefined {
  const at = token.indexOf('@');
  if (at === -1) {
    const host = parseHost(token);
    return host === undefined ? undefined : { host };
  }
  const user = token.slice(0, at);
  const host = parseHost(token.slice(at + 1));
  if (!isUser(user) || host === undefined) return undefined;
  // A user with a DNS name is the proxy form: only CircleCI's own proxy (or a server's) may stand there.
  if (isDnsName(host) && !proxyHosts.includes(host)) return undefined;
  return { user, host };
}

function isWindowsShell(text: string): text is WindowsShell {
  return (WINDOWS_SHELLS as readonly string[]).includes(text);
}

/**
 * Parses the arguments after `ssh` (already split on spaces): `-t` and `-p PORT` at most once each,
 * in any order, one destination, then optionally `-- SHELL` at the very end. Anything else refuses the
 * whole line: an unknown option is exactly how `-oProxyCommand=…` would be smuggled in.
 */
export function parseSshArguments(
  args: readonly string[],
  proxyHosts: readonly string[] = [PROXY_HOST],
): SshTarget | undefined {
  let tty = false;
  let port: number | undefined;
  let destination: Pick<SshTarget, 'user' | 'host'> | undefined;
  let shell: WindowsShell | undefined;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-t' && !tty) {
      tty = true;
    } else if (arg === '-p' && port === undefined) {
      port = parsePort(args[++i] ?? '');
      if (port === undefined) return undefined;
    } else if (arg === '--') {
      const next = args[i + 1] ?? '';
      if (destination === undefined || i + 2 !== args.length || !isWindowsShell(next)) return undefined;
      shell = next;
      break;
    } else if (!arg.startsWith('-') && destination === undefined) {
      destination = parseDestination(arg, proxyHosts);
      if (destination === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  if (destination === undefined) return undefined;
  // The proxy names the job by its user; without one it cannot route the session.
  if (proxyHosts.includes(destination.host) && destination.user === undefined) return undefined;

  return {
    ...destination,
    ...(port === undefined ? {} : { port }),
    tty,
    ...(shell === undefined ? {} : { shell }),
  };
}
