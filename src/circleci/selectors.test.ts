// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  closestStep,
  containerIndex,
  findSteps,
  isInOutput,
  isOutput,
  stepDurationMs,
  stepName,
  stepOutput,
} from './selectors';

function page(html: string): void {
  document.body.innerHTML = html; // test fixtures only: the extension itself never uses innerHTML
}

const appStep = (name: string, output = '') =>
  `<div tabindex="0"><button data-cy="step-name" aria-expanded="true"><div id="metadata"><div>${name}</div><div>1s</div></div></button>${output}</div>`;

describe('new UI', () => {
  beforeEach(() =>
    page(
      `<section data-cy="parallel-runs"><a data-cy="parallel-run" href="#">0</a><a data-cy="parallel-run" aria-current="page" href="#">3</a></section>` +
        `<div data-cy="steps">${appStep('Checkout code')}${appStep('Enable SSH', '<div data-cy="step-output"><pre><span id="line">$ ssh</span></pre></div>')}</div>`,
    ),
  );

  it('finds steps, their names and outputs', () => {
    const steps = findSteps(document.body);
    expect(steps.map(stepName)).toEqual(['Checkout code', 'Enable SSH']);
    expect(stepOutput(steps[0] as Element)).toBeNull();
    expect(stepOutput(steps[1] as Element)?.textContent).toBe('$ ssh');
    expect(closestStep(document.getElementById('line')?.firstChild as Node)).toBe(steps[1]);
  });

  it('tells log output from the rest of a step', () => {
    const [checkout, enableSsh] = findSteps(document.body) as [Element, Element];
    const line = document.getElementById('line') as Element;
    expect(isInOutput(line.firstChild as Node)).toBe(true);
    expect(isInOutput(stepOutput(enableSsh) as Element)).toBe(true);
    expect(isOutput(stepOutput(enableSsh) as Element)).toBe(true);
    expect(isOutput(line)).toBe(false);
    expect(isInOutput(enableSsh)).toBe(false);
    expect(isInOutput(checkout.querySelector('#metadata') as Element)).toBe(false);
  });

  it('takes the container from the URL, else from the selected run box', () => {
    const step = findSteps(document.body)[1] as Element;
    expect(containerIndex(step, 5)).toBe(5);
    expect(containerIndex(step, undefined)).toBe(3);
    document.querySelector('[aria-current]')?.setAttribute('aria-current', 'false');
    expect(containerIndex(step, undefined)).toBe(0);
  });
});

describe('legacy UI', () => {
  it('reads the container view and drops the parallel suffix from the name', () => {
    page(
      '<div class="container-view" id="container_2"><div class="type-infrastructure" id="action-2"><div class="build-output">' +
        '<div class="action_header"><span class="command-text">Enable SSH (2)</span></div>' +
        '<pre class="output"><span class="pre">$ ssh -p 1 1.2.3.4</span></pre></div></div></div>',
    );
    const [step] = findSteps(document.body);
    expect(stepName(step as Element)).toBe('Enable SSH');
    expect(containerIndex(step as Element, undefined)).toBe(2);
    expect(stepOutput(step as Element)?.textContent).toBe('$ ssh -p 1 1.2.3.4');
    expect(isInOutput(document.querySelector('span.pre')?.firstChild as Node)).toBe(true);
    expect(isInOutput(document.querySelector('.command-text') as Element)).toBe(false);
  });
});

describe('stepDurationMs', () => {
  it.each([
    ['1s', 1000],
    ['3m 12s', 192_000],
    ['1h 2m', 3_720_000],
    ['0s', 0],
  ])('reads %s', (duration, ms) => {
    page(appStep('Wait for SSH').replace('<div>1s</div>', `<div>${duration}</div>`));
    expect(stepDurationMs(document.querySelector('[tabindex]') as Element)).toBe(ms);
  });

  it('reads nothing it does not know', () => {
    page(appStep('Wait for SSH').replace('<div>1s</div>', '<div>running</div>'));
    expect(stepDurationMs(document.querySelector('[tabindex]') as Element)).toBeUndefined();
  });
});
