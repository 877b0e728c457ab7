// Property tests for the grammar: at least 10,000 generated cases each, arbitrary Unicode included.
// Whatever the input, only canonical values pass, and every command built from a parsed line is safe.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSshCommand, isSafeToPaste } from '../command/ssh-command';
import { parseSshLine, parseSshOutput, splitOutputLines } from './ssh-output';
import { isDnsName, isIpv4, isIpv6, isUser, parsePort, type SshTarget, WINDOWS_SHELLS } from './ssh-target';

const RUNS = 10_000;
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
// Text that looks like the grammar's tokens, so generated lines often come close to valid ones.
const nearToken = fc.oneof(
  anyText,
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.ipV4(),
  fc.ipV4Extended(),
  fc.ipV6(),
  fc.domain(),
  fc.constantFrom(
    '-t',
    '-p',
    '--',
    '-oProxyCommand=id',
    'ssh.circleci.com',
    'bash.exe',
    ';',
    '|',
    '$(id)',
    '`id`',
    '\u200b',
    '\x1b[201~',
  ),
);

const validTarget: fc.Arbitrary<SshTarget> = fc.oneof(
  fc.record({ host: fc.ipV4(), port: fc.integer({ min: 1, max: 65535 }), tty: fc.constant(false) }),
  fc.record({ host: fc.domain().filter(isDnsName), port: fc.integer({ min: 1, max: 65535 }), tty: fc.constant(false) }),
  fc.record({
    user: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    host: fc.constant('ssh.circleci.com'),
    tty: fc.constant(false),
  }),
  fc.record({
    host: fc.ipV4(),
    port: fc.integer({ min: 1, max: 65535 }),
    tty: fc.boolean(),
    shell: fc.constantFrom(...WINDOWS_SHELLS),
  }),
);

function printed(target: SshTarget): string {
  const destination = target.user ? `${target.user}@${target.host}` : target.host;
  return [
    '$ ssh',
    ...(target.tty ? ['-t'] : []),
    ...(target.port ? ['-p', String(target.port)] : []),
    destination,
    ...(target.shell ? ['--', target.shell] : []),
  ].join(' ');
}

describe('validators', () => {
  it('parsePort accepts exactly the canonical decimal ports', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.integer().map(String), fc.stringMatching(/^[0-9+.e-]{1,7}$/)), (text) => {
        const port = parsePort(text);
        if (port !== undefined) expect(String(port) === text && port >= 1 && port <= 65535).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('isIpv4 accepts exactly the canonical dotted quads, never the forms resolvers reinterpret', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4Extended(), anyText), (text) => {
        const canonical =
          /^(?:0|[1-9][0-9]{0,2})(?:\.(?:0|[1-9][0-9]{0,2})){3}$/.test(text) &&
          text.split('.').every((octet) => Number(octet) <= 255);
        expect(isIpv4(text)).toBe(canonical);
      }),
      { numRuns: RUNS },
    );
  });

  it('isDnsName accepts only ASCII names that no resolver reads as a number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), anyText, fc.ipV4Extended()), (text) => {
        if (!isDnsName(text)) return;
        expect(text).toMatch(/^[A-Za-z0-9.-]{1,253}$/);
        expect(text.startsWith('-') || text.endsWith('.') || text.includes('..')).toBe(false);
        expect(/^[0-9.]+$/.test(text) || /(^|\.)0x[0-9a-f]*$/i.test(text)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('isIpv6 accepts only addresses the URL parser keeps as written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), anyText), (text) => {
        if (isIpv6(text)) expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text.toLowerCase()}]`);
      }),
      { numRuns: RUNS },
    );
  });

  it('isUser never accepts what ssh or a shell would treat specially', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        if (isUser(text)) expect(text).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parser', () => {
  it('reads back every target as CircleCI would print it, with or without indent, gutter or colour', () => {
    fc.assert(
      fc.property(validTarget, (target) => {
        expect(parseSshLine(printed(target))).toEqual(target);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(validTarget, fc.constantFrom('', '    ', '12 ', '\x1b[1;36m'), (target, prefix) => {
        expect(parseSshOutput([`${prefix}${printed(target)}`]).commands.map((command) => command.target)).toEqual([
          target,
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it('turns any output into targets whose commands are safe to paste, and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            anyText,
            fc.array(nearToken, { maxLength: 8 }).map((tokens) => `$ ssh ${tokens.join(' ')}`),
          ),
        ),
        (lines) => {
          const output = parseSshOutput(splitOutputLines(lines.join('\n')));
          for (const { target } of output.commands) {
            const command = buildSshCommand(target, { shell: 'posix' });
            expect(isSafeToPaste(command)).toBe(true);
            expect(command.text).toMatch(/^ssh( -t)?( -p [1-9][0-9]*)? (-- \S+|\S+ -- (bash|cmd|powershell)\.exe)$/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
