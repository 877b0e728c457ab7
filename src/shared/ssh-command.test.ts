import { describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { buildSshCommand, commandFor, isSafeToPaste } from './ssh-command';

const direct: SshTarget = { host: '18.207.148.116', port: 42915, tty: false };

describe('buildSshCommand', () => {
  it('adds the key and IdentitiesOnly to the direct form', () => {
    expect(buildSshCommand(direct, '~/.ssh/id_ed25519')).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 18.207.148.116',
    );
  });

  it('without a key, is the printed command', () => {
    expect(buildSshCommand(direct)).toBe('ssh -p 42915 18.207.148.116');
  });

  it('keeps a printed user and invents none', () => {
    expect(buildSshCommand({ user: 'ubuntu', host: '18.221.109.33', port: 64594, tty: false })).toBe(
      'ssh -p 64594 ubuntu@18.221.109.33',
    );
    expect(buildSshCommand({ user: '057f0065-0', host: 'ssh.circleci.com', tty: false }, 'k')).toBe(
      'ssh -i k -o IdentitiesOnly=yes 057f0065-0@ssh.circleci.com',
    );
  });

  it('keeps Windows -t and passes the shell after --', () => {
    expect(buildSshCommand({ host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' }, 'k')).toBe(
      'ssh -i k -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- powershell.exe',
    );
  });

  it('quotes key paths for POSIX shells', () => {
    expect(buildSshCommand(direct, "~/keys/it's \"my\" $(id) !!/id")).toBe(
      `ssh -i ~/'keys/it'\\''s "my" $(id) !!/id' -o IdentitiesOnly=yes -p 42915 18.207.148.116`,
    );
  });
});

describe('commandFor', () => {
  it('uses no key for an empty preference', () => {
    expect(commandFor(direct, '  ')).toBe('ssh -p 42915 18.207.148.116');
  });

  it('copies nothing when the stored key is unusable', () => {
    expect(commandFor(direct, '~/.ssh/id\n rm -rf ~')).toBeUndefined();
    expect(commandFor(direct, '~/.ssh/\u202eid')).toBeUndefined();
  });
});

describe('isSafeToPaste', () => {
  it.each(['ssh -p 1 1.2.3.4\n', 'ssh -p 1 1.2.3.4\x1b[201~', 'ssh -p 1 1.2.3.4\u200b', 'rm -rf ~', `ssh ${'a'.repeat(3000)}`])(
    'refuses %j',
    (command) => {
      expect(isSafeToPaste(command)).toBe(false);
    },
  );

  it('allows a non-ASCII key path', () => {
    expect(isSafeToPaste("ssh -i '/home/josé/.ssh/id' -p 1 1.2.3.4")).toBe(true);
  });
});
