// How the bench's report writes numbers and table rows (report.mjs, report-markup.mjs, run.mjs).

export const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
export const fixed = (value, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : value === Infinity ? '∞' : 'n/a';
export const percent = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : 'n/a');
export const range = (s, format = int) => (s ? `${format(s.median)} (${format(s.min)} – ${format(s.max)})` : 'n/a');
export const kib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : 'n/a');
export const mib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : 'n/a');

export const row = (cells) => `| ${cells.join(' | ')} |`;
