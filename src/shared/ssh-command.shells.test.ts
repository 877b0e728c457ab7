// The copied commands, pasted into real shells: bash, dash, zsh and fish (and bash interactively, where
// `!` history expansion is live) run them with a stub `ssh` first on PATH that records its argv. The
// argv must be exactly what we meant, byte for byte, and nothing else may run.
// .ci/run installs these shells; on a machine without one, its tests are skipped with a notice.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { checkKeyPath } from './key-path';
import type { Shell } from './shell-quote';
import { buildSshCommand } from './ssh-command';

const work = mkdtempSync(join(tmpdir(), 'ssh-roundtrip-'));
const home = join(work, 'home');
const bin = join(work, 'bin');
const record = join(work, 'argv');
execFileSync('mkdir', ['-p', home, bin]);
// Each call appends its arguments, NUL-terminated, then an end-of-call marker.
writeFileSync(
  join(bin, 'ssh'),
  `#!/bin/sh\nfor arg in "$@"; do printf '%s\\0' "$arg"; done >> '${record}'\nprintf '\\001END\\0' >> '${record}'\n`,
);
chmodSync(join(bin, 'ssh'), 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Strings that break naive quoting (shescape's injection strings and security.md A10–A12), plus some
// that try to run something: a file appearing in the working directory would prove it ran.
const CORPUS = [
  '~/.ssh/id_ed25519',
  '~/keys/it\'s "my" $(touch PWNED) !!/id_ed25519',
  "C:\\Users\\me\\.ssh\\a'b",
  'C:\\Users\\me\\.ssh\\it’s',
  '/tmp/`touch PWNED`',
  '/tmp/$(touch PWNED)',
  "/tmp/'; touch PWNED #",
  '/tmp/"; touch PWNED #',
  '/tmp/a && touch PWNED',
  '/tmp/a | touch PWNED',
  '/tmp/$PATH/$HOME/$Env:PATH',
  '/tmp/!!/!$/!-1',
  '/tmp/~user/x',
  '~',
  '~root/.ssh/id',
  '/tmp/*',
  '/tmp/[ab]?',
  '/tmp/{a,b}',
  '=ls',
  '-oProxyCommand=touch PWNED',
  '/tmp/trailing\\',
  '/tmp/\\\\double',
  '/home/josé/.ssh/鍵 😀',
  '/tmp/# not a comment',
];

const TARGETS: SshTarget[] = [
  { host: '18.207.148.116', port: 42915, tty: false },
  { user: '057f0065-7e6d-4912-921b-50917ff046a3-0', host: 'ssh.circleci.com', tty: false },
  { user: 'ubuntu', host: '18.221.109.33', port: 64594, tty: false },
  { host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' },
  { host: 'runner-7.build.example.com', port: 54782, tty: false },
];

/** What ssh must receive: the key as the shell expands it (a leading `~/` becomes $HOME/). */
function intendedArgv(target: SshTarget, keyPath: string): string[] {
  const key = keyPath.startsWith('~/') ? `${home}/${keyPath.slice(2)}` : keyPath;
  const destination = target.user ? `${target.user}@${target.host}` : target.host;
  return [
    '-i',
    key,
    '-o',
    'IdentitiesOnly=yes',
    ...(target.tty ? ['-t'] : []),
    ...(target.port ? ['-p', String(target.port)] : []),
    ...(target.shell ? [destination, '--', target.shell] : ['--', destination]),
  ];
}

const generatedKeys = (shell: Shell) =>
  fc.sample(
    fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: fc.constantFrom(...'~/\\\'"`$!{}()*?#&|;<> é'.split(''), 'a'), maxLength: 24 }),
      )
      .map((input) => checkKeyPath(input, shell))
      .filter((check): check is { ok: true; keyPath: string } => check.ok && check.keyPath !== undefined)
      .map((check) => check.keyPath),
    { numRuns: 300, seed: 20261129 },
  );

interface Runner {
  readonly name: string;
  readonly shell: Shell;
  readonly binary: string;
  run(script: string): void;
}

const environment = { PATH: `${bin}:/usr/bin:/bin`, HOME: home, HISTFILE: '/dev/null', LC_ALL: 'C.UTF-8' };
const exec = (file: string, args: string[], input?: string) =>
  execFileSync(file, args, { cwd: work, env: environment, input, stdio: ['pipe', 'ignore', 'ignore'] });

// The commands go in a script file (too long for one argument), read exactly as pasted lines would be.
const scriptFile = join(bin, 'pasted');
const fromFile = (file: string, args: string[]) => (script: string) => {
  writeFileSync(scriptFile, `${script}\n`);
  exec(file, [...args, scriptFile]);
};

const RUNNERS: Runner[] = [
  { name: 'bash', shell: 'posix', binary: '/bin/bash', run: fromFile('/bin/bash', ['--norc', '--noprofile']) },
  { name: 'dash', shell: 'posix', binary: '/bin/dash', run: fromFile('/bin/dash', []) },
  { name: 'zsh', shell: 'posix', binary: '/usr/bin/zsh', run: fromFile('/usr/bin/zsh', ['-f']) },
  {
    name: 'interactive bash',
    shell: 'posix',
    binary: '/bin/bash',
    run: (script) => exec('/bin/bash', ['--norc', '--noprofile', '-i'], `${script}\nexit\n`),
  },
  { name: 'fish', shell: 'fish', binary: '/usr/bin/fish', run: fromFile('/usr/bin/fish', ['--no-config']) },
];

function recordedCalls(): string[][] {
  const calls = readFileSync(record, 'utf8').split('\u0001END\u0000');
  calls.pop();
  return calls.map((call) => call.split('\u0000').slice(0, -1));
}

describe.each(RUNNERS)('pasted into $name', ({ shell, binary, run }) => {
  const available = existsSync(binary);
  if (!available && process.env.CI) throw new Error(`${binary} is missing: .ci/run should have installed it`);

  it.skipIf(!available)('ssh receives exactly the intended argv, and nothing else runs', () => {
    const cases = [...CORPUS.filter((key) => checkKeyPath(key, shell).ok), ...generatedKeys(shell)].flatMap((keyPath) =>
      TARGETS.map((target) => ({ keyPath, target })),
    );
    const script = cases.map(({ keyPath, target }) => buildSshCommand(target, { shell, keyPath }).text).join('\n');
    rmSync(record, { force: true });
    run(script);

    const calls = recordedCalls();
    expect(calls).toHaveLength(cases.length);
    calls.forEach((argv, index) => {
      const { keyPath, target } = cases[index] ?? {};
      expect(argv).toEqual(intendedArgv(target as SshTarget, keyPath as string));
    });
    expect(readdirSync(work).sort()).toEqual(['argv', 'bin', 'home']);
  });
});
