// The extension's own pages and background worker use webextension-polyfill; imported first by their
// entry modules. The content script leaves it out (see browser.ts).

import polyfill from 'webextension-polyfill';
import { useBrowserApi } from './browser';

useBrowserApi(polyfill);
