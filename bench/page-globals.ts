// What the benchmark's pages and init scripts put on `window` (the fake site's handle, the go signal,
// the popup's first interactive moment), for the functions bench/*.mjs run in the page. Types only.

declare global {
  interface Window {
    // The fake site's handle for tests (e2e/site/app.js): its shape is theirs to assume.
    // biome-ignore lint/suspicious/noExplicitAny: untyped on purpose, as in e2e/site/app.js
    __fixture: any;
    __benchGo: (value?: unknown) => void;
    __interactiveAt?: number;
  }
}

export {};
