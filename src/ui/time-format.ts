// How the SSH panel writes a box's deadlines (circleci/ssh-window.ts computes them): a countdown and
// a wall-clock time in the reader's locale.

/** `8:12`, `1:02:05`; whole seconds rounded up, so it reads 0:00 only once the time is up. */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The local wall-clock time: `14:05`, `09:07`, or `2:05 PM` where the locale keeps a 12-hour clock. */
export function formatClock(epochMs: number, locale?: string): string {
  return clockFormat(locale).format(epochMs);
}

// Making a DateTimeFormat costs far more than using one, and the panel formats on every redraw.
const clockFormats = new Map<string | undefined, Intl.DateTimeFormat>();

function clockFormat(locale: string | undefined): Intl.DateTimeFormat {
  let format = clockFormats.get(locale);
  if (!format) {
    // A 24-hour clock pads the hour ("09:07"); a 12-hour one does not ("9:07 AM").
    const { hour12 } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
    format = new Intl.DateTimeFormat(locale, { hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit' });
    clockFormats.set(locale, format);
  }
  return format;
}
