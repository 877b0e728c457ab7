// Types for markup.js.

export type Markup = 'classic' | 'rows' | 'columns' | 'chunks' | 'hashed' | 'renamed';
export type JourneyMarkup = Exclude<Markup, 'renamed'>;

/** The cookie on app.circleci.com that picks a variant when app.js loads; absent means `classic`. */
export const MARKUP_COOKIE: 'fixture-markup';
export const MARKUPS: readonly Markup[];
export const JOURNEY_MARKUPS: readonly JourneyMarkup[];
