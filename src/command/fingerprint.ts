// A key's public fingerprint, as `ssh-keygen -lf ~/.ssh/id_ed25519.pub` prints it
// (`256 SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 me@laptop (ED25519)`) or just the
// `SHA256:…` part. CircleCI lists the rerunning user's keys the same way under "Authorized keys:".

const SHA256 = /(?:^|\s)SHA256:([A-Za-z0-9+/]{43})=?(?:\s|$)/;

/** `SHA256:<43 base64 characters>`, or undefined when the text holds no SHA256 fingerprint. */
export function parseFingerprint(input: string): string | undefined {
  const match = SHA256.exec(input.trim());
  return match ? `SHA256:${match[1]}` : undefined;
}
