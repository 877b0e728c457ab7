// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readOutputLines } from './output-lines';

function output(html: string): Element {
  const element = document.createElement('div');
  element.innerHTML = html; // test fixtures only: the extension itself never uses innerHTML
  document.body.replaceChildren(element);
  return element;
}

const texts = (element: Element) => readOutputLines(element).map((line) => line.text);

describe('readOutputLines', () => {
  it('reads one span per line, with a line split over coloured spans', () => {
    const element = output(
      '<pre><span>You can now SSH into this box if your SSH public key is added:\n</span>' +
        '<span>    <span style="color:#6cf">$ ssh</span> -p 42915 <b>18.207.148.116</b>\n</span><span>\n</span>' +
        '<span>Use the same SSH public key\n</span></pre>',
    );
    const lines = readOutputLines(element);
    expect(lines.map((line) => line.text)).toEqual([
      'You can now SSH into this box if your SSH public key is added:',
      '    $ ssh -p 42915 18.207.148.116',
      'Use the same SSH public key',
    ]);
    const pre = element.querySelector('pre');
    expect(lines[1]?.anchor).toBe(pre?.children[1]);
  });

  it('skips a gutter hidden from assistive technology and ends lines at block elements', () => {
    const element = output(
      '<pre><div class="log-line"><span aria-hidden="true">1</span><span>Host keys:</span></div>' +
        '<div class="log-line"><span aria-hidden="true">2</span><span>- SHA256:abc</span> <span>(RSA)</span></div></pre>',
    );
    expect(texts(element)).toEqual(['Host keys:', '- SHA256:abc (RSA)']);
    expect(readOutputLines(element)[1]?.anchor).toBe(element.querySelectorAll('.log-line')[1]);
  });

  it('splits chunks that hold several lines; a line inside a chunk goes after the text node that holds it', () => {
    const element = output('<pre class="output"><span class="pre">a\nb\n</span><span class="pre">c<br>d</span></pre>');
    const lines = readOutputLines(element);
    expect(lines.map((line) => line.text)).toEqual(['a', 'b', 'c', 'd']);
    const [first, second] = element.querySelectorAll('span.pre') as unknown as [Element, Element];
    expect(lines.map((line) => line.anchor)).toEqual([
      first.firstChild,
      first.firstChild,
      second.firstChild,
      second.lastChild,
    ]);
  });

  it('reads text straight inside the output when there is no pre', () => {
    expect(texts(output('line one\r\nline two\u2028line three'))).toEqual(['line one', 'line two', 'line three']);
  });

  it('stops after the first line a caller accepts', () => {
    const element = output(
      '<pre><span>\n</span><span>  \n</span><span>#!/bin/bash\nnpm ci\n</span><span>added 1 package\n</span></pre>',
    );
    const lines = readOutputLines(element, 512, (text) => text.trim() !== '');
    expect(lines.map((line) => line.text)).toEqual(['#!/bin/bash']);
    expect(lines[0]?.anchor).toBe(element.querySelector('pre')?.children[2]?.firstChild);
  });

  it('stops reading after a bounded amount of text', () => {
    const element = output('<pre></pre>');
    const pre = element.querySelector('pre') as Element;
    for (let i = 0; i < 3; i++) pre.append(document.createTextNode(`${'x'.repeat(200_000)}\n`));
    expect(texts(element).join('').length).toBeLessThanOrEqual(256 * 1024);
  });
});

// The same log in every markup the public evidence allows (docs/circleci-page.md#d5-output-lines): the
// lines read, and where each line's widget goes, must not depend on the nesting.
const LOG = [
  'You can now SSH into this box if your SSH public key is added:',
  '    $ ssh -p 42915 18.207.148.116',
  'Host keys:',
];
const coloured = (line: string) => line.replace('$ ssh', '<span style="color:#6cf">$ ss</span><span>h</span>');

const MARKUPS: Record<string, { html: string; anchor: (element: Element) => Element | null | undefined }> = {
  'one pre, a span per line': {
    html: `<pre>${LOG.map((line) => `<span>${coloured(line)}\n</span>`).join('')}</pre>`,
    anchor: (element) => element.querySelectorAll('pre > span')[1],
  },
  'a row per line with its own pre and a line-number link': {
    html: LOG.map(
      (line, i) => `<div class="r"><a href="#step-99-${i + 1}">${i + 1}</a><pre>${coloured(line)}</pre></div>`,
    ).join(''),
    anchor: (element) => element.querySelectorAll('.r')[1],
  },
  'a gutter column beside a text column of one pre per line': {
    html:
      `<div style="display:flex"><div class="g">${LOG.map((_, i) => `<span style="display:block">${i + 1}</span>`).join('')}</div>` +
      `<div class="t">${LOG.map((line) => `<pre>${coloured(line)}</pre>`).join('')}</div></div>`,
    anchor: (element) => element.querySelectorAll('.t > pre')[1],
  },
  'lines in content-visibility chunks behind extra wrappers, split over spans': {
    html:
      '<div><div><div style="content-visibility:auto"><pre>' +
      LOG.map((line) => `<div class="l">${[...line].map((char) => `<span>${char}</span>`).join('')}</div>`).join('') +
      '</pre></div></div></div>',
    anchor: (element) => element.querySelectorAll('.l')[1],
  },
  'a span per line made a block by its style, with no newline': {
    html: `<pre>${LOG.map((line) => `<span class="b" style="display:block">${coloured(line)}</span>`).join('')}</pre>`,
    anchor: (element) => element.querySelectorAll('.b')[1],
  },
  'a toolbar and a hidden copy before the lines': {
    html:
      '<div><button>Show more</button><svg><text>icon</text></svg><span hidden>$ ssh -p 1 6.6.6.6</span></div>' +
      `<pre>${LOG.map((line) => `<span>${coloured(line)}\n</span>`).join('')}</pre>`,
    anchor: (element) => element.querySelectorAll('pre > span')[1],
  },
};

describe.each(Object.entries(MARKUPS))('readOutputLines on %s', (_, { html, anchor }) => {
  it('reads the same lines', () => {
    expect(texts(output(html)).map((line) => line.trim())).toEqual(LOG.map((line) => line.trim()));
  });

  it('anchors the ssh line to the highest node that holds only that line', () => {
    const element = output(html);
    expect(readOutputLines(element)[1]?.anchor).toBe(anchor(element));
  });
});

describe('reading the first line of a huge step', () => {
  it('looks at a handful of nodes, whatever the nesting', () => {
    const rows = Array.from(
      { length: 1_000 },
      (_, i) => `<div><a href="#step-1-${i + 1}">${i + 1}</a><pre>line ${i}</pre></div>`,
    );
    const element = output(`<div><div>${rows.join('')}</div></div>`);
    const looks = vi.spyOn(Element.prototype, 'matches'); // once per element the reader looks at
    const lines = readOutputLines(element, 512, (text) => text.trim() !== '');
    expect(lines.map((line) => line.text)).toEqual(['line 0']);
    expect(looks.mock.calls.length).toBeLessThan(10);
    looks.mockRestore();
  });

  it('skips a whole gutter column without visiting its numbers', () => {
    const numbers = Array.from({ length: 500 }, (_, i) => `<span>${i + 1}</span>`).join('');
    const element = output(`<div class="g">${numbers}</div><div><pre>#!/bin/bash -eo pipefail</pre></div>`);
    const looks = vi.spyOn(Element.prototype, 'matches'); // once per element the reader looks at
    expect(readOutputLines(element, 512, (text) => text.trim() !== '').map((line) => line.text)).toEqual([
      '#!/bin/bash -eo pipefail',
    ]);
    expect(looks.mock.calls.length).toBeLessThan(10);
    looks.mockRestore();
  });
});
