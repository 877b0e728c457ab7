import type { BrowserName, Found, Missing } from './lookup.js';
export function lookUp(browser: BrowserName): Found | Missing;
export { browserLine } from './lookup.js';
