import { describe, expect, it } from 'vitest';
import type { SshTarget } from './ssh-target';
import { judgeSshSteps, type StepFacts } from './step-trust';

const real: SshTarget = { host: '18.207.148.116', port: 42915, tty: false };
const evil: SshTarget = { host: '6.6.6.6', port: 2222, tty: false };
const trusted = { trusted: true };
const distrusted = (reason: string) => ({ trusted: false, reason });

const job = (...steps: StepFacts[]) => [...judgeSshSteps(steps).entries()];

describe('judgeSshSteps', () => {
  it('trusts the built-in steps of an SSH rerun', () => {
    expect(
      job(
        { name: 'Spin up environment' },
        { name: 'Enable SSH', isConfigRunStep: false, targets: [real] },
        { name: 'Run tests', isConfigRunStep: true },
        { name: 'Wait for SSH', isConfigRunStep: false, targets: [real] },
      ),
    ).toEqual([
      [1, trusted],
      [3, trusted],
    ]);
  });

  it('never trusts a config run step named Enable SSH (a job not rerun with SSH)', () => {
    expect(job({ name: 'Checkout code' }, { name: 'Enable SSH', isConfigRunStep: true, targets: [evil] })).toEqual([
      [1, distrusted('config-step')],
    ]);
  });

  it('distrusts two candidates of the same name until one is shown to be a config step', () => {
    const candidates = job(
      { name: 'Enable SSH', isConfigRunStep: false, targets: [real] },
      { name: 'Build' },
      { name: 'Enable SSH' }, // collapsed: could be anything
    );
    expect(candidates).toEqual([
      [0, distrusted('duplicate')],
      [2, distrusted('duplicate')],
    ]);
    expect(
      job(
        { name: 'Enable SSH', isConfigRunStep: false, targets: [real] },
        { name: 'Build' },
        { name: 'Enable SSH', isConfigRunStep: true },
      ),
    ).toEqual([
      [0, trusted],
      [2, distrusted('config-step')],
    ]);
  });

  it('distrusts an Enable SSH after config steps and a Wait for SSH before one', () => {
    expect(
      job(
        { name: 'Run tests', isConfigRunStep: true },
        { name: 'Enable SSH', isConfigRunStep: false, targets: [evil] },
        { name: 'Wait for SSH', isConfigRunStep: false, targets: [evil] },
        { name: 'Deploy', isConfigRunStep: true },
      ),
    ).toEqual([
      [1, distrusted('out-of-order')],
      [2, distrusted('out-of-order')],
    ]);
  });

  it('distrusts both steps when they print different targets', () => {
    expect(
      job(
        { name: 'Enable SSH', isConfigRunStep: false, targets: [real] },
        { name: 'Wait for SSH', isConfigRunStep: false, targets: [evil] },
      ),
    ).toEqual([
      [0, distrusted('disagree')],
      [1, distrusted('disagree')],
    ]);
  });

  it('lets Windows steps differ in -t only', () => {
    const shells = ['bash.exe', 'cmd.exe', 'powershell.exe'] as const;
    const enable = shells.map((shell) => ({ host: '35.226.214.52', port: 54782, tty: false, shell }));
    const wait = shells.map((shell) => ({ host: '35.226.214.52', port: 54782, tty: true, shell }));
    expect(
      job(
        { name: 'Enable SSH', isConfigRunStep: false, targets: enable },
        { name: 'Wait for SSH', isConfigRunStep: false, targets: wait },
      ),
    ).toEqual([
      [0, trusted],
      [1, trusted],
    ]);
  });

  it('compares only once both have printed a target', () => {
    expect(job({ name: 'Enable SSH', isConfigRunStep: false, targets: [real] }, { name: 'Wait for SSH' })).toEqual([
      [0, trusted],
      [1, trusted],
    ]);
  });

  describe('where the page says what a step is (legacy UI)', () => {
    it("trusts only what it marks as CircleCI's own; a config command named Wait for SSH is not", () => {
      expect(
        job(
          { name: 'Enable SSH', pageSays: 'circleci', isConfigRunStep: false, targets: [real] },
          { name: 'npm test', pageSays: 'config', isConfigRunStep: false },
          { name: 'Wait for SSH', pageSays: 'config', isConfigRunStep: false, targets: [evil] },
        ),
      ).toEqual([
        [0, trusted],
        [2, distrusted('config-command')],
      ]);
    });

    it('trusts nothing when it says nothing: the name alone proves nothing', () => {
      expect(job({ name: 'Wait for SSH', pageSays: 'unknown', isConfigRunStep: false, targets: [real] })).toEqual([
        [0, distrusted('unproven')],
      ]);
    });

    it("orders the SSH steps against the commands it marks as the config's", () => {
      expect(
        job(
          { name: 'npm install', pageSays: 'config', isConfigRunStep: false },
          { name: 'Enable SSH', pageSays: 'circleci', isConfigRunStep: false, targets: [real] },
        ),
      ).toEqual([[1, distrusted('out-of-order')]]);
    });
  });
});
