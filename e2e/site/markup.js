// The markup variants of the fake new-UI job page (README.md, "Markup variants"). Pure data: the page
// imports it as /__fixture__/markup.js and the specs import it from Node.

/** The cookie on app.circleci.com that picks a variant when app.js loads; absent means `classic`. */
/** @type {'fixture-markup'} */
export const MARKUP_COOKIE = 'fixture-markup';

/** Every variant. `classic` is the page as it always was; `renamed` is drift (no hook the extension reads). */
/** @type {readonly Exclude<import('./types').Markup, 'canvas'>[]} */
export const MARKUPS = ['classic', 'rows', 'columns', 'chunks', 'hashed', 'renamed'];

/** The variants every journey must work on: all but `renamed`. */
/** @type {readonly import('./types').JourneyMarkup[]} */
export const JOURNEY_MARKUPS = ['classic', 'rows', 'columns', 'chunks', 'hashed'];

/**
 * Variants whose log holds no text at all: `canvas` draws each step's lines on a `<canvas>`, as a
 * terminal widget may (docs/circleci-page.md#d8-output-renderers). Not in MARKUPS, whose specs read
 * the log's text; only the API routes can fill the panel there.
 */
/** @type {readonly Extract<import('./types').Markup, 'canvas'>[]} */
export const TEXTLESS_MARKUPS = ['canvas'];
