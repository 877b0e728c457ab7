// Least privilege, checked: a new permission or a wider match must be a deliberate change to this test.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('manifest.json', () => {
  it('asks only for what is used', () => {
    // storage: preferences; clipboardWrite: copying from the keyboard shortcut, without a click (Firefox);
    // scripting: the content script on the CircleCI servers a user adds, and the structural report of a
    // page that could not be read; activeTab: that report, only for the tab whose popup the user opened;
    // alarms: the toolbar countdown and the expiry warnings, which must wake a sleeping worker.
    expect(manifest.permissions).toEqual(['storage', 'clipboardWrite', 'scripting', 'activeTab', 'alarms']);
    // Asked for when the user turns notifications on (popup or options page), never before.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest).not.toHaveProperty('host_permissions');
    // Asked for one origin at a time, only when the user adds a CircleCI server.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('runs only on CircleCI job pages and exposes nothing to them', () => {
    expect(manifest.content_scripts).toEqual([
      expect.objectContaining({
        matches: ['https://app.circleci.com/*', 'https://circleci.com/gh/*', 'https://circleci.com/bb/*'],
      }),
    ]);
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('keeps a strict policy for its own pages: its own scripts only, no eval, no remote code', () => {
    const policy = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(policy).toMatch(/^script-src 'self';/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
  });
});
