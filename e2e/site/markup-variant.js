// The markup variant the new UI's fake renders (README.md, "Markup variants"), chosen once by the
// `fixture-markup` cookie when the page loads: its data-cy attributes, class names and style rules.

import { el } from './dom.js';
import { MARKUP_COOKIE } from './markup.js';

export const markup = markupOfPage();
export const HASHED = markup === 'hashed';
// Emotion-style class names, `css-<hash>`, drawn anew on every page load (hashed only).
const hashes = new Map();

/** @returns {import('./types').Markup} */
function markupOfPage() {
  const prefix = `${MARKUP_COOKIE}=`;
  const cookie = document.cookie.split(/;\s*/).find((c) => c.startsWith(prefix));
  // An unknown name is let through, for the alert below.
  return cookie === undefined ? 'classic' : /** @type {any} */ (decodeURIComponent(cookie.slice(prefix.length)));
}

// The only data-cy values the public evidence confirms (docs/circleci-page.md#new-ui-markup): `hashed` keeps just these.
const CONFIRMED_DATA_CY = new Set(['step-name', 'step-output']);
// `renamed`: a redesign that renamed every hook; the text on screen stays the same.
const RENAMED_DATA_CY = {
  'step-name': 'step-toggle',
  'step-output': 'step-log',
  steps: 'step-list',
  'parallel-runs': 'run-bar',
  'parallel-run': 'run-box',
};

/** The attribute CircleCI would put on an element for `data-cy=value`, in this variant (maybe none). */
export function cy(value) {
  if (markup === 'renamed') return { 'data-testid': RENAMED_DATA_CY[value] };
  if (HASHED && !CONFIRMED_DATA_CY.has(value)) return {};
  return { 'data-cy': value };
}

export const METADATA_ID = markup === 'renamed' ? 'step-summary' : 'metadata';

/** A class name: as written, or its per-load `css-<hash>` in `hashed`. */
export function cls(name) {
  if (!HASHED) return name;
  if (!hashes.has(name)) {
    const taken = new Set(hashes.values());
    let hash;
    do hash = `css-${randomBase36(6)}`;
    while (taken.has(hash));
    hashes.set(name, hash);
  }
  return hashes.get(name);
}

function randomBase36(length) {
  const digits = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => digits[byte % 36]).join('');
}

/** A class only `hashed` has: Emotion gives nearly every element one. */
export function emotion(name) {
  return HASHED ? { class: cls(name) } : {};
}

// Style rules of the variants; `.$name` is the class `cls(name)`. Classic's are all in app.html.
const MONO = 'font: 12.5px/1.5 ui-monospace, Menlo, Consolas, monospace';
const GUTTER = `flex: none; width: 3.5em; padding-right: 1em; text-align: right; color: #7a7a7a; user-select: none; ${MONO}`;
export const VARIANT_CSS = {
  classic: [],
  rows: [
    '.$log-row { display: flex; }',
    `.$log-row-number { ${GUTTER}; }`,
    '.$log-row > pre { flex: 1; min-width: 0; min-height: 1.5em; }',
  ],
  columns: [
    '.$log-columns { display: flex; }',
    `.$log-gutter { ${GUTTER}; }`,
    '.$log-text { flex: 1; min-width: 0; overflow-x: auto; }',
    '.$log-columns .$log-text-line { min-height: 1.5em; white-space: pre; }',
  ],
  chunks: ['.$log-chunk-line { min-height: 1.5em; }'],
  canvas: [],
  hashed: [
    // classic's class rules of app.html, under this load's names
    '.$tabs { display: flex; gap: 20px; border-bottom: 1px solid #d5d5d5; margin-bottom: 12px; }',
    '.$tabs span { padding: 6px 0; color: #6a6a6a; }',
    '.$tabs span:first-child { color: #161616; border-bottom: 2px solid #161616; }',
    '.$log-line { display: flex; }',
    `.$line-number { ${GUTTER}; }`,
    '.$line-text { white-space: pre-wrap; }',
    '.$pipelines ul { padding-left: 18px; }',
    '.$pipelines li { margin: 4px 0; color: #6a6a6a; }',
    // what classic styles by data-cy
    '.$title-bar { display: flex; align-items: center; justify-content: space-between; }',
    '.$title-group { display: flex; align-items: center; gap: 12px; }',
    '.$status { padding: 2px 8px; border-radius: 10px; background: #e6f0ff; color: #0b4fa8; font-size: 12px; }',
    '.$runs { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; }',
    '.$runs-title { font-weight: 600; margin-right: 8px; }',
    '.$run { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border: 1px solid #cfcfcf; border-radius: 4px; background: #fff; color: #161616; }',
    '.$run-selected { border-color: #161616; box-shadow: inset 0 0 0 1px #161616; }',
    '.$run-time { color: #6a6a6a; font-size: 12px; }',
    '.$step { background: #fff; border: 1px solid #dedede; border-bottom: 0; }',
    '.$step-wrapper:last-child > .$step { border-bottom: 1px solid #dedede; }',
  ],
  renamed: [
    "[data-testid='run-bar'] { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; }",
    "[data-testid='run-bar']::before { content: 'Parallel Runs'; font-weight: 600; margin-right: 8px; }",
    "[data-testid='run-box'] { width: 36px; padding: 6px 0; text-align: center; border: 1px solid #cfcfcf; border-radius: 4px; background: #fff; color: #161616; }",
    "[data-testid='run-box'][aria-current='page'] { border-color: #161616; box-shadow: inset 0 0 0 1px #161616; }",
    "[data-testid='step-list'] > div { background: #fff; border: 1px solid #dedede; border-bottom: 0; }",
    "[data-testid='step-list'] > div:last-child { border-bottom: 1px solid #dedede; }",
    "[data-testid='step-toggle'] { display: flex; width: 100%; padding: 10px 12px; border: 0; background: none; font: inherit; text-align: left; cursor: pointer; }",
    '#step-summary { display: flex; flex: 1; justify-content: space-between; }',
    '#step-summary > div:last-child { color: #6a6a6a; }',
    "[data-testid='step-log'] { background: #1e1e1e; padding: 8px 0; }",
    `[data-testid='step-log'] pre { margin: 0; padding: 0 12px; color: #e4e4e4; ${MONO}; white-space: pre-wrap; overflow-wrap: anywhere; }`,
  ],
};

export function variantStyle() {
  const rules = VARIANT_CSS[markup].map((rule) => rule.replace(/\.\$([\w-]+)/g, (_, name) => `.${cls(name)}`));
  return el('style', HASHED ? { 'data-emotion': 'css' } : { 'data-fixture': 'markup-css' }, rules.join('\n'));
}
