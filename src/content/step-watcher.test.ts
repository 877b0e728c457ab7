// @vitest-environment happy-dom
// The step watcher judges CircleCI's SSH steps from the DOM alone, without any UI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ContainerReport, watchSteps } from './step-watcher';

const ENABLE = ['You can now SSH into this box if your SSH public key is added:', '    $ ssh -p 42915 18.207.148.116'];
const AUTHORIZED = ['Authorized keys:', '- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)'];

/** A new-UI step block; `lines` undefined for a collapsed step. */
function step(name: string, lines?: readonly string[]): HTMLElement {
  const block = document.createElement('div');
  block.tabIndex = 0;
  const header = document.createElement('button');
  header.dataset.cy = 'step-name';
  const metadata = document.createElement('div');
  metadata.id = 'metadata';
  const title = document.createElement('div');
  title.textContent = name;
  metadata.append(title);
  header.append(metadata);
  block.append(header);
  if (lines) block.append(output(lines));
  return block;
}

function output(lines: readonly string[]): HTMLElement {
  const element = document.createElement('div');
  element.dataset.cy = 'step-output';
  const pre = document.createElement('pre');
  for (const line of lines) {
    const span = document.createElement('span');
    span.textContent = `${line}\n`;
    pre.append(span);
  }
  element.append(pre);
  return element;
}

/** Each step in its own wrapper: the blocks are not siblings, as the evidence allows. */
function page(...steps: HTMLElement[]): void {
  document.body.replaceChildren(
    ...steps.map((block) => {
      const wrapper = document.createElement('div');
      wrapper.append(block);
      return wrapper;
    }),
  );
}

let visit: AbortController;
beforeEach(() => {
  visit = new AbortController();
});
afterEach(() => visit.abort());

function watch(containerInUrl?: number) {
  const watcher = watchSteps(visit.signal, { containerInUrl, proxyHosts: ['ssh.circleci.com'] });
  const reports: ContainerReport[] = [];
  watcher.subscribe((report) => reports.push(report), visit.signal);
  return { watcher, reports };
}

const verdicts = (report: ContainerReport | undefined) =>
  report?.steps.map(({ reading, verdict }) => [reading.facts.name, verdict ?? null]);
const mutations = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchSteps', () => {
  it("trusts CircleCI's own SSH steps and gives their targets and authorized keys", () => {
    page(step('Spin up environment', ['Starting container']), step('Enable SSH', [...ENABLE, ...AUTHORIZED]));
    const { reports } = watch(2);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.container).toBe(2);
    expect(verdicts(reports[0])).toEqual([
      ['Spin up environment', null],
      ['Enable SSH', { trusted: true }],
    ]);
    expect(reports[0]?.steps[1]?.reading.output?.commands.map((command) => command.target)).toMatchObject([
      { port: 42915, host: '18.207.148.116' },
    ]);
    expect(reports[0]?.authorizedKeys).toEqual(['SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8']);
  });

  it('judges steps in separate wrappers together: two steps of one name trust neither', () => {
    page(step('Enable SSH', ENABLE), step('Checkout code'), step('Enable SSH', ENABLE));
    const { reports } = watch();
    expect(verdicts(reports.at(-1))?.map(([, verdict]) => verdict)).toEqual([
      { trusted: false, reason: 'duplicate' },
      null,
      { trusted: false, reason: 'duplicate' },
    ]);
  });

  it('distrusts a config run step by its shell line, and a real one printed after a config step', () => {
    page(step('Run tests', ['#!/bin/bash -eo pipefail', 'npm test']), step('Enable SSH', ENABLE));
    const { reports } = watch();
    expect(verdicts(reports[0])?.[1]).toEqual(['Enable SSH', { trusted: false, reason: 'out-of-order' }]);
  });

  it('gives a late subscriber the current state', () => {
    page(step('Enable SSH', ENABLE));
    const { watcher } = watch();
    const late: ContainerReport[] = [];
    watcher.subscribe((report) => late.push(report), visit.signal);
    expect(verdicts(late[0])).toEqual([['Enable SSH', { trusted: true }]]);
  });

  it('cues DOM change listeners once per batch of changes, after the reports, until their signal aborts', async () => {
    page(step('Enable SSH', ENABLE));
    const { watcher, reports } = watch();
    const cues: number[] = [];
    const feature = new AbortController();
    watcher.onDomChange(() => cues.push(reports.length), feature.signal);
    expect(cues).toEqual([]);

    document.body.append(step('Wait for SSH', ENABLE), document.createElement('p'));
    await mutations();
    expect(cues).toEqual([2]); // one cue for both changes, once the new step is reported

    feature.abort();
    document.body.append(document.createElement('p'));
    await mutations();
    expect(cues).toEqual([2]);
  });

  it('reports a container again when a step is expanded, and names the steps that left', async () => {
    const collapsed = step('Enable SSH');
    page(step('Spin up environment'), collapsed);
    const { reports } = watch();
    expect(reports.at(-1)?.steps[1]?.reading.output).toBeUndefined();

    collapsed.append(output(ENABLE));
    await mutations();
    expect(reports.at(-1)?.steps[1]?.reading.output?.commands).toHaveLength(1);

    collapsed.parentElement?.remove();
    await mutations();
    expect(reports.at(-1)?.removed).toEqual([collapsed]);
    expect(reports.at(-1)?.steps).toHaveLength(1);
  });

  it('judges a step that appears later with the others', async () => {
    page(step('Enable SSH', ENABLE));
    const { reports } = watch();
    const impostor = document.createElement('div');
    impostor.append(step('Enable SSH', ['#!/bin/bash -eo pipefail', '$ ssh -p 2222 6.6.6.6']));
    document.body.append(impostor);
    await mutations();
    expect(verdicts(reports.at(-1))?.map(([, verdict]) => verdict)).toEqual([
      { trusted: true },
      { trusted: false, reason: 'config-step' },
    ]);
  });

  it('does not judge again while lines stream into a build step whose first line is known', async () => {
    const build = step('Build', ['#!/bin/bash -eo pipefail', 'make']);
    page(step('Enable SSH', ENABLE), build);
    const { reports } = watch();
    const before = reports.length;
    const pre = build.querySelector('pre') as HTMLElement;
    for (let i = 0; i < 20; i++) pre.append(document.createTextNode(`line ${i}\n`));
    await mutations();
    expect(reports.length).toBe(before);
  });

  it('stops reporting when the visit ends', async () => {
    page(step('Enable SSH'));
    const { reports } = watch();
    const before = reports.length;
    visit.abort();
    document.querySelector('[tabindex]')?.append(output(ENABLE));
    await mutations();
    expect(reports.length).toBe(before);
  });

  it('reads no further than the first line of an SSH-named config step, however much it prints', () => {
    const flood = Array.from({ length: 5000 }, (_, i) => `$ ssh -p ${1000 + i} 6.6.6.6`);
    page(step('Enable SSH', ENABLE), step('Wait for SSH', ['#!/bin/bash -eo pipefail', ...flood]));
    const { reports } = watch();
    const impostor = reports[0]?.steps[1];
    expect(impostor?.verdict).toEqual({ trusted: false, reason: 'config-step' });
    expect(impostor?.reading.lines.map((line) => line.text.trim())).toEqual(['#!/bin/bash -eo pipefail']);
    expect(impostor?.reading.output).toBeUndefined();
  });
});
