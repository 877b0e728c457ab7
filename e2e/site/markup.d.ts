// Types for markup.js.

export type Markup = 'classic' | 'rows' | 'columns' | 'chunks' | 'hashed' | 'renamed' | 'canvas';
export type JourneyMarkup = Exclude<Markup, 'renamed' | 'canvas'>;

/** The cookie on app.circleci.com that picks a variant when app.js loads; absent means `classic`. */
export const MARKUP_COOKIE: 'fixture-markup';
export const MARKUPS: readonly Exclude<Markup, 'canvas'>[];
/** Variants whose log holds no text (`canvas`: drawn on a canvas); not in MARKUPS. */
export const TEXTLESS_MARKUPS: readonly Extract<Markup, 'canvas'>[];
export const JOURNEY_MARKUPS: readonly JourneyMarkup[];
