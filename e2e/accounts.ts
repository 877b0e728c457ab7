// The people the key tests set up, shared by the Chromium and the Firefox specs.
// Job 101 is github/acme/api; its Enable SSH lists WORK_FINGERPRINT (and one more) under "Authorized keys:".

export const WORK_FINGERPRINT = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';

export const profile = (id: string, name: string, keyPath: string) => ({ id, name, keyPath });

/** Stored prefs of someone with three accounts: Personal the default, Client's rule for github/acme. */
export const threeAccounts = {
  schemaVersion: 2,
  profiles: [
    { ...profile('work', 'Work', '~/.ssh/id_work'), fingerprint: WORK_FINGERPRINT },
    profile('personal', 'Personal', '~/.ssh/id_ed25519'),
    profile('client', 'Client', '~/.ssh/id_client'),
  ],
  defaultProfileId: 'personal',
  rules: [
    { pattern: 'github/acme', profileId: 'client' },
    { pattern: 'bitbucket/team/app', profileId: 'work' },
  ],
};
