// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  closestOutput,
  closestStep,
  containerIndex,
  findSteps,
  isOutput,
  isSshRerunChoice,
  jobHeader,
  legacyStepKind,
  parallelRunLinks,
  stepDurationMs,
  stepGroup,
  stepName,
  stepOutput,
} from './selectors';

const JOB = '/pipelines/github/acme/api/7/workflows/w-1/jobs/102';

function page(html: string): void {
  document.body.innerHTML = html; // test fixtures only: the extension itself never uses innerHTML
}

const appStep = (name: string, output = '') =>
  `<div tabindex="0"><button data-cy="step-name" aria-expanded="true"><div id="metadata"><div>${name}</div><div>1s</div></div></button>${output}</div>`;

describe('new UI', () => {
  beforeEach(() =>
    page(
      `<section><a href="${JOB}/parallel-runs/0"><svg aria-hidden="true"></svg><span>0</span><span>0:13</span></a>` +
        `<a aria-current="page" href="${JOB}/parallel-runs/3?filterBy=ALL">3</a>` +
        `<a href="/pipelines/github/acme/api/7/workflows/w-1/jobs/99/parallel-runs/5">5</a></section>` +
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
    expect(closestOutput(line.firstChild as Node)).not.toBeNull();
    expect(closestOutput(stepOutput(enableSsh) as Element)).not.toBeNull();
    expect(isOutput(stepOutput(enableSsh) as Element)).toBe(true);
    expect(isOutput(line)).toBe(false);
    expect(closestOutput(enableSsh)).toBeNull();
    expect(closestOutput(checkout.querySelector('#metadata') as Element)).toBeNull();
  });

  it('takes the container from the URL, else 0, never from how a run box looks', () => {
    history.replaceState(null, '', JOB);
    const step = findSteps(document.body)[1] as Element;
    expect(containerIndex(step, 5)).toBe(5);
    // The page marks run 3 with aria-current, a hook no public source shows: not used.
    expect(containerIndex(step, undefined)).toBe(0);
  });

  it("finds the job's parallel runs by their links' paths, never by their text", () => {
    history.replaceState(null, '', `${JOB}/parallel-runs/3/steps/3-102`);
    const links = parallelRunLinks(document);
    expect([...links.keys()]).toEqual([0, 3]);
    expect(links.get(3)).toBe(`${location.origin}${JOB}/parallel-runs/3?filterBy=ALL`);
  });

  it('judges all the steps of the page together, wherever their blocks sit', () => {
    const [a, b] = findSteps(document.body) as [Element, Element];
    expect(stepGroup(a)).toBe(document);
    expect(stepGroup(b)).toBe(document);
  });
});

describe('jobHeader', () => {
  it("is the main header that holds the job's title", () => {
    page('<main><div><header><nav>All Pipelines</nav><div><h1>build (102)</h1></div></header></div></main>');
    expect(jobHeader(document)?.localName).toBe('header');
  });

  it("is the title's own parent when no header holds it", () => {
    page('<main><div class="css-1x"><div class="css-2y" id="title"><h1>build (102)</h1></div></div></main>');
    expect(jobHeader(document)?.id).toBe('title');
  });

  it('is nothing without a title in main', () => {
    page('<header><h1>CircleCI</h1></header><main><p>Loading</p></main>');
    expect(jobHeader(document)).toBeNull();
  });
});

describe('isSshRerunChoice', () => {
  it('is a click on the menu item whose whole text is "Rerun job with SSH", or inside it', () => {
    page(
      '<ul role="menu"><li><button role="menuitem" id="ssh"><span id="inner">Rerun job with SSH</span></button></li>' +
        '<li><button role="menuitem" id="start">Rerun workflow from start</button></li></ul>' +
        '<div id="log"><pre>Rerun job with SSH to debug</pre></div><p id="text">Rerun job with SSH</p>',
    );
    const at = (id: string) => document.getElementById(id);
    expect(isSshRerunChoice(at('ssh'))).toBe(true);
    expect(isSshRerunChoice(at('inner'))).toBe(true);
    expect(isSshRerunChoice(at('start'))).toBe(false);
    expect(isSshRerunChoice(at('log'))).toBe(false);
    expect(isSshRerunChoice(at('text'))).toBe(false);
    expect(isSshRerunChoice(null)).toBe(false);
    expect(isSshRerunChoice(document)).toBe(false);
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
    expect(stepGroup(step as Element)).toBe(document.getElementById('container_2'));
    expect(legacyStepKind(step as Element)).toBe('circleci');
    expect(stepOutput(step as Element)?.textContent).toBe('$ ssh -p 1 1.2.3.4');
    expect(closestOutput(document.querySelector('span.pre')?.firstChild as Node)).not.toBeNull();
    expect(closestOutput(document.querySelector('.command-text') as Element)).toBeNull();
  });

  it.each([
    ['type-infrastructure', '', 'circleci'],
    ['type-teardown', '', 'circleci'],
    ['type-teardown', ' title="echo $ ssh -p 1 6.6.6.6"', 'config'],
    ['type-test', '', 'config'],
    ['type-dependencies', ' title="npm install"', 'config'],
    ['type-none', '', 'unknown'],
    ['', '', 'unknown'],
  ])('tells what a legacy action is from its type %s and its command%s', (type, title, kind) => {
    page(
      `<div class="container-view" id="container_0"><div class="${type}" id="action-5"><div class="build-output">` +
        `<div class="action_header"><span class="command-text"${title}>Wait for SSH</span></div></div></div></div>`,
    );
    expect(legacyStepKind(findSteps(document.body)[0] as Element)).toBe(kind);
  });

  it('says nothing of a new-UI step', () => {
    page(appStep('Enable SSH'));
    expect(legacyStepKind(findSteps(document.body)[0] as Element)).toBeUndefined();
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
