// Queries by accessible name in Firefox, and the clipboard, for the Firefox specs (firefox.ts says why
// each query is prefixed with puppeteer's deep combinator `>>>`).

import type { ElementHandle, Page } from 'puppeteer-core';

/** A selector for the element with this exact accessible name (and role), in the page or any open shadow root. */
export function aria(name: string, role?: string): string {
  if (/["\\]/.test(name)) throw new Error(`Names with quotes or backslashes are not supported: ${name}`);
  return `>>> ::-p-aria([name="${name}"]${role ? `[role="${role}"]` : ''})`;
}

/**
 * The new UI's job log (its steps), without the SSH panel above it, which repeats the copy buttons. Found
 * by the fake site's test-only attribute, in every markup variant.
 */
export async function jobLog(page: Page): Promise<ElementHandle> {
  return (await page.waitForSelector('[data-fixture="steps"]')) as ElementHandle;
}

/** Every copy button our UI shows (in `circleci-ssh-copy` shadow roots), whatever the container. */
export const OUR_BUTTONS = 'circleci-ssh-copy >>> button.copy';

export type Scope = Page | ElementHandle;

export async function count(scope: Scope, selector: string): Promise<number> {
  const handles = await scope.$$(selector);
  await Promise.all(handles.map((handle) => handle.dispose()));
  return handles.length;
}

/** The element with this exact accessible name and role, waiting for it to appear. */
export async function find(scope: Scope, name: string, role: string, { timeout = 5000 } = {}): Promise<ElementHandle> {
  const handle = await scope.waitForSelector(aria(name, role), { timeout });
  if (!handle) throw new Error(`No ${role} named "${name}"`);
  return handle as ElementHandle;
}

/** Longer values are pasted, as users paste key paths and fingerprints: typed, each key is a round trip. */
const LONGEST_TYPED = 24;

/**
 * Replaces what the text field with this exact name holds by typing `value`, or pasting it when long,
 * as a user would.
 */
export async function fill(scope: Scope, name: string, value: string): Promise<ElementHandle<HTMLInputElement>> {
  const field = (await find(scope, name, 'textbox')) as ElementHandle<HTMLInputElement>;
  await field.click();
  const page = field.frame.page();
  await page.keyboard.down('Control'); // select what is there, so typing replaces it
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (value.length > LONGEST_TYPED) await paste(field, value);
  else if (value !== '') await field.type(value);
  return field;
}

/** Inserts `text` at the focused field's caret in one edit, with the input events a paste fires. */
export async function paste(field: ElementHandle, text: string): Promise<void> {
  await field.evaluate((element, inserted) => {
    (element as HTMLElement).focus();
    document.execCommand('insertText', false, inserted);
  }, text);
}

/** The form control that the label with exactly this text labels (a file input has no other name to go by). */
export async function labelled(scope: Scope, text: string): Promise<ElementHandle<HTMLInputElement>> {
  const labels = await scope.$$('>>> label');
  try {
    for (const label of labels) {
      const control = await label.evaluateHandle((element, wanted) => {
        const own = element as HTMLLabelElement;
        return own.textContent?.trim() === wanted ? own.control : null;
      }, text);
      const input = control.asElement();
      if (input) return input as ElementHandle<HTMLInputElement>;
      await control.dispose();
    }
  } finally {
    await Promise.all(labels.map((label) => label.dispose()));
  }
  throw new Error(`No control labelled "${text}"`);
}

/** What a form field holds now. */
export function fieldValue(field: ElementHandle): Promise<string> {
  return field.evaluate((element) => (element as HTMLInputElement | HTMLSelectElement).value);
}

/** Chooses the option with this exact text in the select (combobox) with this exact name. */
export async function selectOption(scope: Scope, name: string, optionText: string): Promise<void> {
  const select = (await find(scope, name, 'combobox')) as ElementHandle<HTMLSelectElement>;
  const value = await select.evaluate(
    (element, text) => [...element.options].find((option) => option.text === text)?.value,
    optionText,
  );
  if (value === undefined) throw new Error(`"${name}" has no option "${optionText}"`);
  await select.select(value);
  await select.dispose();
}

/** Whether the checkbox or radio button with this exact name is checked. */
export async function isChecked(scope: Scope, name: string, role: 'checkbox' | 'radio' = 'checkbox'): Promise<boolean> {
  const input = await find(scope, name, role);
  return input.evaluate((element) => (element as HTMLInputElement).checked);
}

/** Clicks the button with this exact accessible name, waiting for it to appear. */
export async function clickButton(scope: Scope, name: string, { timeout = 5000 } = {}): Promise<void> {
  const button = await scope.waitForSelector(aria(name, 'button'), { timeout });
  if (!button) throw new Error(`No button named "${name}"`);
  await button.click();
  await button.dispose();
}

/** Empties the clipboard, then clicks the copy button: a stale clipboard can never pass for the new copy. */
export async function copy(page: Page, name: string, scope: Scope = page): Promise<void> {
  await clearClipboard(page);
  await clickButton(scope, name);
}

// ---- The clipboard (the real one, read from page script; see the prefs in Firefox.launch) ---------

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

export function clearClipboard(page: Page): Promise<void> {
  return page.evaluate(() => navigator.clipboard.writeText(''));
}
