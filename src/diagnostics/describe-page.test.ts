// @vitest-environment happy-dom
// The structural report must describe the page's shape and never carry its text, its URL's names or
// values that are not identifiers.
import { describe, expect, it } from 'vitest';
import { HOOKS } from '../circleci/selectors';
import { describePage } from './describe-page';
import { parsePageStatus } from './page-status';

const SECRET = 'ssh -p 42915 18.207.148.116 TOKEN=abc123';

describe('describePage', () => {
  it('describes structure, hook counts and the URL shape, without any text', () => {
    history.replaceState(null, '', '/pipelines/github/acme/secret-repo/12/workflows/9bbc-1/jobs/101?token=abc123');
    document.body.innerHTML = // test fixture only
      `<main><header><h1 class="css-1x">build (101)</h1></header>` +
      `<div tabindex="0"><button data-testid="step-title" aria-expanded="true" aria-label="${SECRET}">Enable SSH</button>` +
      `<div data-cy="log-panel" title="${SECRET}"><div class="r"><pre>${SECRET}</pre></div><div class="r"><pre>two</pre></div>` +
      `<div class="r"><pre>three</pre></div></div></div></main>`;
    const report = describePage(HOOKS);
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/42915|18\.207|abc123|secret-repo|acme|Enable SSH|build \(101\)/);
    expect(report.url).toBe('localhost/pipelines/github/*/*/N/workflows/*/jobs/N');
    expect(report.hooks).toMatchObject({ 'step header': 0, 'step output': 0, 'job title': 1 });
    expect(report.tree.some((line) => /^ +div class ×3$/.test(line))).toBe(true); // three rows folded into one
    expect(
      report.tree.some((line) =>
        line.includes('button data-testid="step-title" aria-expanded="true" aria-label (text 10)'),
      ),
    ).toBe(true);
    expect(report.tree.some((line) => line.includes('div data-cy="log-panel" title'))).toBe(true);
  });

  it('stops at a bounded size', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p id="p${i}"><b>x</b></p>`).join('');
    const report = describePage({});
    expect(report.tree.length).toBeLessThanOrEqual(800);
    expect(report.truncated).toBe(true);
  });
});

describe('parsePageStatus', () => {
  it('keeps well-formed counts and verdicts, and nothing else', () => {
    const status = {
      readable: false,
      steps: 3,
      sshSteps: [
        { step: 'Enable SSH', container: 0, verdict: 'trusted', commands: 1, unrecognised: 0 },
        { step: 'Build', container: 0, verdict: 'trusted', commands: 1, unrecognised: 0 },
        { step: 'Wait for SSH', container: 0, verdict: '<img onerror>', commands: 1, unrecognised: 0 },
      ],
    };
    expect(parsePageStatus(status)).toEqual({ ...status, sshSteps: [status.sshSteps[0]] });
    expect(parsePageStatus({ readable: 'no', steps: 1, sshSteps: [] })).toBeUndefined();
    expect(parsePageStatus(undefined)).toBeUndefined();
  });
});
