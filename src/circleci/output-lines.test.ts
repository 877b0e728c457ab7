// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readOutputLines } from './output-lines';

function output(html: string): Element {
  const element = document.createElement('div');
  element.innerHTML = html; // test fixtures only: the extension itself never uses innerHTML
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

  it('splits chunks that hold several lines, and anchors each line to its chunk', () => {
    const element = output('<pre class="output"><span class="pre">a\nb\n</span><span class="pre">c<br>d</span></pre>');
    const lines = readOutputLines(element);
    expect(lines.map((line) => line.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines.map((line) => (line.anchor as Element).className)).toEqual(['pre', 'pre', 'pre', 'pre']);
  });

  it('reads text straight inside the output when there is no pre', () => {
    expect(texts(output('line one\r\nline two\u2028line three'))).toEqual(['line one', 'line two', 'line three']);
  });

  it('stops after the first line a caller accepts', () => {
    const element = output(
      '<pre><span>\n</span><span>  \n</span><span>#!/bin/bash\nnpm ci\n</span><span>added 1 package\n</span></pre>',
    );
    const lines = readOutputLines(element, 512, (text) => text.trim() !== '');
    expect(lines.map((line) => line.text)).toEqual(['  ', '#!/bin/bash']);
    expect(lines[1]?.anchor).toBe(element.querySelector('pre')?.children[2]);
  });

  it('stops reading after a bounded amount of text', () => {
    const element = output('<pre></pre>');
    const pre = element.querySelector('pre') as Element;
    for (let i = 0; i < 3; i++) pre.append(document.createTextNode(`${'x'.repeat(200_000)}\n`));
    expect(texts(element).join('').length).toBeLessThanOrEqual(256 * 1024);
  });
});
