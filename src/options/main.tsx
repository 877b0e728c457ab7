import '../shared/polyfill';
import { render } from 'preact';
import { uiLanguage } from '../shared/browser';
import { t } from '../shared/i18n';
import { Options } from './Options';

// Screen readers pick their voice from `lang`; the text comes in the browser's language.
document.documentElement.lang = uiLanguage();
document.title = t('optionsHeading');
const app = document.getElementById('app');
if (app) render(<Options />, app);
