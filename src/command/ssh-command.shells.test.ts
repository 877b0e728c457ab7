// The copied commands, pasted into real shells: bash, dash, zsh and fish (and bash interactively, where
// `!` history expansion is live) run them with stubs of `ssh`, `ssh-keygen`, `scp` and `rsync` first on PATH that
// record their argv. The argv must be exactly what we meant, byte for byte, and nothing else may run.
// The main command and every recipe (recipes.ts) go through this.
// .ci/run installs these shells; on a machine without one, its tests are skipped with a notice.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { checkKeyPath } from './key-path';
import { cleanShell, keyCheck, knownHostsRemoval, portForward, rsyncDownload, scpDownload } from './recipes';
import type { Shell } from './shell-quote';
import { buildSshCommand, type SshCommand } from './ssh-command';

const work = mkdtempSync(join(tmpdir(), 'ssh-roundtrip-'));
const home = join(work, 'home');
const bin = join(work, 'bin');
const record = join(work, 'argv');
execFileSync('mkdir', ['-p', home, bin]);
// Each call appends its program's name and arguments, NUL-terminated, then an end-of-call marker.
for (const program of ['ssh', 'ssh-keygen', 'scp', 'rsync']) {
  writeFileSync(
    join(bin, program),
    `#!/bin/sh\nfor arg in ${program} "$@"; do printf '%s\\0' "$arg"; done >> '${record}'\nprintf '\\001END\\0' >> '${record}'\n`,
  );
  chmodSync(join(bin, program), 0o755);
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The same recorders as shell functions, defined before the pasted lines: a shell hands a function the
// argv it would hand the program, after the same expansions, without a fork and exec per call (which
// made this test take minutes on two cores). `ssh-keygen` stays a program only: dash allows no hyphen in
// a function's name.
const RECORDED_FUNCTIONS = ['ssh', 'scp', 'rsync'];
/** The shells this test pastes into: PowerShell and cmd are not on a Linux machine. */
type PastedShell = Extract<Shell, 'posix' | 'fish'>;
const recorders: Record<PastedShell, string> = {
  posix: RECORDED_FUNCTIONS.map(
    (program) =>
      `${program}() { for arg in ${program} "$@"; do printf '%s\\0' "$arg"; done >> '${record}'; printf '\\001END\\0' >> '${record}'; }`,
  ).join('\n'),
  fish: RECORDED_FUNCTIONS.map(
    (program) =>
      `function ${program}; for arg in ${program} $argv; printf '%s\\0' $arg; end >> '${record}'; printf '\\001END\\0' >> '${record}'; end`,
  ).join('\n'),
};

// Strings that break naive quoting (shescape's injection strings and docs/security.md#hostile-inputs), plus
// some that try to run something: a file appearing in the working directory would prove it ran.
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

/** The key as the shell hands it over: a leading `~/` becomes $HOME/. */
const expanded = (keyPath: string) => (keyPath.startsWith('~/') ? `${home}/${keyPath.slice(2)}` : keyPath);
const destinationOf = (target: SshTarget) => (target.user ? `${target.user}@${target.host}` : target.host);
const port = (flag: string, target: SshTarget) => (target.port ? [flag, String(target.port)] : []);
const keyWords = (keyPath: string) => ['-i', expanded(keyPath), '-o', 'IdentitiesOnly=yes'];

interface Case {
  readonly command: SshCommand | undefined;
  /** What the program must receive, its name first. */
  readonly argv: string[];
}

/** The main command (and, with `recipes`, each recipe) for a target and key, with the argv each must produce. */
function casesFor(target: SshTarget, keyPath: string, shell: Shell, recipes: boolean): Case[] {
  const settings = { shell, keyPath };
  const destination = destinationOf(target);
  const remote = `${destination}:~/project`;
  const cases: Case[] = [
    {
      command: buildSshCommand(target, settings),
      argv: [
        'ssh',
        ...keyWords(keyPath),
        ...(target.tty ? ['-t'] : []),
        ...port('-p', target),
        ...(target.shell ? [destination, '--', target.shell] : ['--', destination]),
      ],
    },
  ];
  if (!recipes) return cases;
  cases.push(
    {
      command: scpDownload(target, settings),
      argv: ['scp', ...keyWords(keyPath), '-r', ...port('-P', target), '--', remote, '.'],
    },
    {
      command: portForward(target, settings, 5900),
      argv: ['ssh', ...keyWords(keyPath), '-N', '-L', '5900:localhost:5900', ...port('-p', target), '--', destination],
    },
    { command: keyCheck('github', settings), argv: ['ssh', ...keyWords(keyPath), '-T', '--', 'git@github.com'] },
  );
  if (!target.shell) {
    cases.push({
      command: cleanShell(target, settings),
      argv: [
        'ssh',
        ...keyWords(keyPath),
        '-t',
        ...port('-p', target),
        '--',
        destination,
        'bash',
        '--norc',
        '--noprofile',
      ],
    });
  }
  // rsync takes ssh and its options as one string it splits itself; ssh expands `~` in -i there.
  const rsync = rsyncDownload(target, settings);
  if (rsync) {
    const remoteShell = ['ssh', '-i', keyPath, '-o', 'IdentitiesOnly=yes', ...port('-p', target)].join(' ');
    cases.push({ command: rsync, argv: ['rsync', '-av', '-e', remoteShell, '--', remote, '.'] });
  }
  return cases;
}

/** The job SSH panel's known_hosts line, which names no key: one argument, `[host]:port` as ssh writes it. */
function knownHostsCases(shell: Shell): Case[] {
  return TARGETS.flatMap((target) => {
    if (target.port === undefined) return [];
    const entry = target.port === 22 ? target.host : `[${target.host}]:${target.port}`;
    return [{ command: knownHostsRemoval(target, shell), argv: ['ssh-keygen', '-R', entry] }];
  });
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
  readonly shell: PastedShell;
  readonly binary: string;
  run(script: string): void;
}

const environment = { PATH: `${bin}:/usr/bin:/bin`, HOME: home, HISTFILE: '/dev/null', LC_ALL: 'C.UTF-8' };
// A shell that a wrong quoting sends astray (an unclosed quote, a runaway expansion) must fail the test,
// not hang it: the call blocks the test's own timeout.
const exec = (file: string, args: string[], input?: string) =>
  execFileSync(file, args, {
    cwd: work,
    env: environment,
    input,
    stdio: ['pipe', 'ignore', 'ignore'],
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });

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

  it.skipIf(!available)(
    'ssh, scp and rsync receive exactly the intended argv, and nothing else runs',
    () => {
      // Every key with the main command; the corpus and a third of the generated keys with every recipe
      // too (each call starts a process, and the machine has two cores).
      const keys = [...CORPUS.filter((key) => checkKeyPath(key, shell).ok), ...generatedKeys(shell)];
      const cases = [
        ...keys.flatMap((keyPath, index) =>
          TARGETS.flatMap((target) => casesFor(target, keyPath, shell, index < CORPUS.length + 100)),
        ),
        ...knownHostsCases(shell),
      ];
      for (const { command } of cases) expect(command).toBeDefined();
      rmSync(record, { force: true });
      run([recorders[shell], ...cases.map(({ command }) => command?.text)].join('\n'));

      const calls = recordedCalls();
      expect(calls).toHaveLength(cases.length);
      calls.forEach((argv, index) => {
        expect(argv).toEqual(cases[index]?.argv);
      });
      expect(readdirSync(work).sort()).toEqual(['argv', 'bin', 'home']);
    },
    60_000,
  );
});
