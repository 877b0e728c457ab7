// The ssh options a user may turn on (options page, stored in the preferences): fixed toggles only.

export type HostKeyPolicy = 'ask' | 'accept-new';

/** Fixed toggles only: there is no free-text ssh option anywhere. */
export interface CommandOptions {
  /** `-o IdentitiesOnly=yes` with the key, so ssh offers only that key. */
  readonly identitiesOnly: boolean;
  /** `-v`, to see which keys ssh offers. */
  readonly verbose: boolean;
  /** `-o ServerAliveInterval=30`, so idle sessions survive NAT timeouts. */
  readonly keepAlive: boolean;
  /** `accept-new` adds `StrictHostKeyChecking=accept-new` and a `HostKeyAlias` per job and container. */
  readonly hostKeys: HostKeyPolicy;
  /** Call `/usr/bin/ssh`, bypassing shell wrappers some terminals put around `ssh`. */
  readonly systemSsh: boolean;
}

export const DEFAULT_OPTIONS: CommandOptions = {
  identitiesOnly: true,
  verbose: false,
  keepAlive: false,
  hostKeys: 'ask',
  systemSsh: false,
};
