// The store listing texts, one file per shipped language (store/listing/<locale>.json): what the
// Chrome Web Store and Firefox Add-ons ask for besides the package. `npm run package` copies them beside
// the zips; store/listing.test.ts checks them against manifest.json and the locales.

import { readFileSync } from 'node:fs';

export interface Listing {
  /** The extension's name in that language: the locale's extName, as the manifest shows it. */
  name: string;
  /** A few words for the promotional tile. */
  tagline: string;
  /** The short description: the locale's extDescription, which the Chrome Web Store shows from the manifest. */
  summary: string;
  /** The long description, plain text (line breaks, "•" lists). */
  description: string;
  /** Why each of manifest.json's permissions is asked for. */
  permissions: Record<string, string>;
  /** Why each host pattern (content script matches, host and optional host permissions) is needed. */
  hostPermissions: Record<string, string>;
}

export const listingPath = (locale: string) => `store/listing/${locale}.json`;

export function listingOf(locale: string): Listing {
  return JSON.parse(readFileSync(listingPath(locale), 'utf8')) as Listing;
}
