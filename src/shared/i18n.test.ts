// Every locale must carry every message, with the same substitutions, or users of that language see
// blanks; Chrome also refuses a lone `$` that is not a substitution.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;

const localesDir = new URL('../../public/_locales/', import.meta.url);
const read = (path: URL) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const locales = readdirSync(localesDir);
const messagesOf = (locale: string) => read(new URL(`${locale}/messages.json`, localesDir)) as Messages;
const english = messagesOf('en');
const substitutions = (text: string) => [...text.matchAll(/\$([1-9])/g)].map((match) => match[1]).sort();

describe('locales', () => {
  it('include English and at least one more language', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  it.each(locales)('%s has exactly the English keys, each with the same substitutions', (locale) => {
    const messages = messagesOf(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), `${locale}: ${key}`).not.toBe('');
      expect(substitutions(message), `${locale}: ${key}`).toEqual(substitutions(english[key]?.message ?? ''));
      expect(message.replaceAll('$$', ''), `${locale}: ${key} has a lone $`).not.toMatch(/\$(?![1-9])/);
    }
  });

  it('has every message the manifest names', () => {
    const manifest = JSON.stringify(read(new URL('../../manifest.json', import.meta.url)));
    const named = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(english).toHaveProperty(key);
  });
});
