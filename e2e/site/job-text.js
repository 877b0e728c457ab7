// What CircleCI's SSH steps print, for the fake jobs: host-key fingerprints, the authorized keys, the
// Enable SSH and Wait for SSH texts (docs/circleci-page.md#step-output-text). Pure data and pure functions, like every module of the fake jobs (jobs.js).

// Made-up but well-formed SHA256 host-key fingerprints (43 base64 chars), stable per seed.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function fingerprint(seed) {
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < 42; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += B64[x >>> 26];
  }
  // 256 bits leave 4 bits for the last char, so real fingerprints end in one of 16 chars.
  return out + B64[(x >>> 28) << 2];
}

// The rerunning user's keys; the same for every container of a job (S1).
export const AUTHORIZED_KEYS = [
  '- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)',
  '- SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE (ED25519)',
];
export const USE_SAME_KEY_2026 =
  "Use the same SSH public key that you've added in your User Settings or that you use for your VCS-provider (e.g., GitHub).";
export const USE_SAME_KEY_2018 = 'Use the same SSH public key that you use for your VCS-provider (e.g., GitHub).';
export const STAY_UP = 'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.';

// Current cloud `Enable SSH` text (S1), split where a streaming step would receive it in batches.
export function enableSsh2026(command, rsa, ed25519, noun = 'box') {
  return [
    [`You can now SSH into this ${noun} if your SSH public key is added:`, `    $ ${command}`, ''],
    [
      USE_SAME_KEY_2026,
      '',
      'Job SSH keys can be added in your User Settings at https://app.circleci.com/settings/user/job-ssh-keys',
      '',
      'Host keys:',
      `- SHA256:${rsa} (rsa-sha2-512)`,
      `- SHA256:${rsa} (rsa-sha2-256)`,
      `- SHA256:${rsa} (RSA)`,
      `- SHA256:${ed25519} (ED25519)`,
    ],
    ['Authorized keys:', ...AUTHORIZED_KEYS, '', 'SSH Session Activity Log (times in UTC):'],
  ];
}

// `Wait for SSH` repeats the instructions and adds the "stay up" line (S2; exact current text unknown).
export function waitForSshText(commands, useSameKey = USE_SAME_KEY_2026, noun = 'box') {
  return [
    `You can now SSH into this ${noun} if your SSH public key is added:`,
    ...commands.map((c) => `    $ ${c}`),
    '',
    useSameKey,
    '',
    STAY_UP,
  ];
}
