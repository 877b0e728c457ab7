import '../shared/polyfill';
import { render } from 'preact';
import { loadPrefs } from '../settings/prefs-storage';
import { uiLanguage } from '../shared/browser';
import { Popup } from './Popup';

// Screen readers pick their voice from `lang`; the text comes in the browser's language.
document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup prefsRead={loadPrefs()} />, app);
