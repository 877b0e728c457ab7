import { describe, expect, it } from 'vitest';
import { readBuildDetails } from './build-details';

describe('readBuildDetails', () => {
  it('leaves out what is missing or mistyped, and keeps the rest', () => {
    const read = readBuildDetails({
      parallel: 'eight',
      status: 5,
      lifecycle: null,
      start_time: 'yesterday',
      stop_time: '2026-03-25T12:00:00.123Z',
      ssh_users: [{ login: 'octocat' }, { login: 7 }, 'mallory', null],
      user: 'octocat',
      steps: [
        null,
        { name: 5, actions: [] },
        { name: 'Enable SSH' },
        {
          name: 'Wait for SSH',
          actions: [
            { index: -1 },
            { index: '0' },
            { index: 0.5 },
            { index: 2, step: 'x', status: null, output_url: 42, has_output: 'yes', start_time: 'now' },
          ],
        },
      ],
    });
    expect(read).toEqual({
      steps: [
        { name: 'Enable SSH', actions: [] },
        { name: 'Wait for SSH', actions: [{ index: 2, status: 'unknown', hasOutput: false, fromConfig: false }] },
      ],
      stopTime: Date.parse('2026-03-25T12:00:00.123Z'),
      sshUsers: ['octocat'],
    });
  });
});
