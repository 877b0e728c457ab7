// Our UI lives in shadow roots: CircleCI's styles cannot reach it, ours cannot leak into the page, and
// the page's text (and its own "copy output") stays exactly as CircleCI rendered it.

export const HOST_TAG = 'circleci-ssh-copy';

const sheets = new Map<string, CSSStyleSheet>();

export interface ShadowHost {
  readonly host: HTMLElement;
  /** Where our nodes go. */
  readonly mount: HTMLElement;
}

export function createShadowHost(css: string): ShadowHost {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  // A constructed sheet is shared by every host and is not subject to the page's style-src CSP;
  // where one cannot be made or adopted (older engines), a <style> element does the same job.
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const mount = document.createElement('div');
  root.append(mount);
  return { host, mount };
}

export function isShadowHost(node: Node): boolean {
  return node instanceof Element && node.localName === HOST_TAG;
}
