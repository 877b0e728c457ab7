// Every shipped language has a store listing that matches the manifest: the same name and short
// description the stores read from it, and a justification for each permission and host pattern it
// asks for, no more and no fewer. A new permission without one fails here.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingOf } from './listing';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;
const locales = readdirSync('public/_locales').sort();
const messages = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;

/** The Chrome Web Store's limits: short description 132 characters, long description 16,000. */
const SUMMARY_MAX = 132;
const DESCRIPTION_MAX = 16_000;
const TAGLINE_MAX = 60;

describe('store listings', () => {
  it('exist for exactly the shipped languages', () => {
    expect(readdirSync('store/listing').sort()).toEqual(locales.map((locale) => `${locale}.json`));
  });

  it.each(locales)('%s: name and short description are the manifest’s, within the stores’ limits', (locale) => {
    const listing = listingOf(locale);
    expect(manifest).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__' });
    expect(listing.name).toBe(messages(locale).extName?.message);
    expect(listing.summary).toBe(messages(locale).extDescription?.message);
    expect(listing.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(listing.tagline.trim().length).toBeGreaterThan(0);
    expect(listing.tagline.length).toBeLessThanOrEqual(TAGLINE_MAX);
    expect(listing.description.length).toBeGreaterThan(listing.summary.length);
    expect(listing.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });

  it.each(locales)('%s: justifies every permission and host pattern the manifest asks for, and no other', (locale) => {
    const listing = listingOf(locale);
    const hosts = [
      ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    // Optional permissions are asked for later, in the extension's own words; the stores still want a reason.
    const permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(Object.keys(listing.permissions).sort()).toEqual(permissions.sort());
    expect(Object.keys(listing.hostPermissions).sort()).toEqual([...new Set(hosts)].sort());
    for (const [what, why] of [...Object.entries(listing.permissions), ...Object.entries(listing.hostPermissions)]) {
      expect(why.trim().length, `${locale}: ${what}`).toBeGreaterThan(20);
    }
  });
});
