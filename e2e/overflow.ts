// Text that does not fit: in the page (an extension page) or in our UI's shadow roots (a job page),
// every element showing text or a button whose content is wider or taller than its box, unless the
// box scrolls on purpose (overflow auto or scroll, as the command lines do), and a page that scrolls
// sideways. Measured (scrollWidth against clientWidth), not judged by eye.

import type { Page } from '@playwright/test';

export function clippedText(page: Page, where: 'page' | 'our-ui'): Promise<string[]> {
  return page.evaluate((scope) => {
    const found: string[] = [];
    const roots: (Document | ShadowRoot)[] = scope === 'page' ? [document] : [];
    for (const host of document.querySelectorAll('circleci-ssh-copy')) if (host.shadowRoot) roots.push(host.shadowRoot);
    for (let index = 0; index < roots.length; index++) {
      for (const element of (roots[index] as Document | ShadowRoot).querySelectorAll('*')) {
        if (element.shadowRoot && !roots.includes(element.shadowRoot)) roots.push(element.shadowRoot);
        if (!(element instanceof HTMLElement) || element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        if (style.display === 'inline' || style.display === 'contents' || style.clipPath !== 'none') continue;
        const text = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
        );
        if (!text && element.tagName !== 'BUTTON') continue;
        const name = `<${element.tagName.toLowerCase()}> "${element.textContent?.trim().slice(0, 60)}"`;
        const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
        if (element.scrollWidth > element.clientWidth + 1 && !scrolls(style.overflowX)) {
          found.push(`${name} is ${element.scrollWidth - element.clientWidth}px too wide`);
        }
        if (element.scrollHeight > element.clientHeight + 1 && !scrolls(style.overflowY)) {
          found.push(`${name} is ${element.scrollHeight - element.clientHeight}px too tall`);
        }
      }
    }
    const page = document.documentElement;
    if (scope === 'page' && page.scrollWidth > page.clientWidth) found.push('the page scrolls sideways');
    return found;
  }, where);
}
