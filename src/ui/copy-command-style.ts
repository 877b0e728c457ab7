// The copy widget's style, imported once: each `?inline` import of the same file would put another
// copy of the text into the content script.
import css from './copy-command.css?inline';

export const copyCommandCss = css;
