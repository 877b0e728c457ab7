import { describe, expect, it } from 'vitest';
import { parseFingerprint } from './fingerprint';

const FINGERPRINT = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';

describe('parseFingerprint', () => {
  it.each([
    FINGERPRINT,
    `  ${FINGERPRINT}  `,
    `${FINGERPRINT}=`,
    `256 ${FINGERPRINT} me@laptop (ED25519)`,
    `3072 ${FINGERPRINT} no comment (RSA)\n`,
    `- ${FINGERPRINT} (ED25519)`,
  ])('reads %j', (input) => {
    expect(parseFingerprint(input)).toBe(FINGERPRINT);
  });

  it.each([
    '',
    'SHA256:short',
    'MD5:35:8a:4a:b3:3f:3f:0d:ad:f8:36:44:ce:a7:6e:01:22',
    `x${FINGERPRINT}`,
    `${FINGERPRINT}x`,
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@laptop',
  ])('refuses %j', (input) => {
    expect(parseFingerprint(input)).toBeUndefined();
  });
});
