// Smoke test of the fake CircleCI API (site/fake-api.js) as the extension's worker sees it: the
// worker's fetches go through the context's routes.

import { expect, test } from './fixtures';
import { FAKE_TOKEN, OUTPUT_ORIGIN, serveFakeApi } from './site/fake-api.js';
import { jobs } from './site/jobs.js';

const DETAILS_116 = 'https://circleci.com/api/v1.1/project/github/acme/api/116';

test('job 116: eight containers, each output URL printing the command the page shows', async ({
  browserContext,
  background,
}) => {
  const api = await serveFakeApi(browserContext);
  try {
    const answer = await background.evaluate(
      async ({ url, token }) => {
        const response = await fetch(url, { headers: { 'Circle-Token': token, Accept: 'application/json' } });
        const body = await response.json();
        const enable = body.steps.find((step: { name: string }) => step.name === 'Enable SSH');
        const outputs: string[] = [];
        for (const action of enable.actions) {
          // Presigned: fetched with no token and no cookies.
          const output = await fetch(action.output_url, { credentials: 'omit' });
          const messages: { message: string }[] = await output.json();
          outputs.push(messages.map((entry) => entry.message).join(''));
        }
        return { status: response.status, parallel: body.parallel, why: body.why, node: body.node, outputs };
      },
      { url: DETAILS_116, token: FAKE_TOKEN },
    );

    expect(answer).toMatchObject({ status: 200, parallel: 8, why: 'ssh', node: null });
    const expected = jobs[116].expected.filter((entry) => entry.step === 'Enable SSH');
    expect(expected).toHaveLength(8);
    for (const { container, commands } of expected) {
      const [{ port, host }] = commands as [{ port: number; host: string }];
      expect(answer.outputs[container]).toContain(`    $ ssh -p ${port} ${host}\r\n`);
    }

    const outputRequests = api.requests.filter((request) => request.url.startsWith(`${OUTPUT_ORIGIN}/`));
    expect(outputRequests).toHaveLength(8);
    for (const request of outputRequests) expect(JSON.stringify(request.headers)).not.toContain(FAKE_TOKEN);
  } finally {
    await api.stop();
  }
});

test('a wrong token gets 401 and no job data', async ({ browserContext, background }) => {
  const api = await serveFakeApi(browserContext);
  try {
    const answer = await background.evaluate(async (url) => {
      const response = await fetch(url, { headers: { 'Circle-Token': 'not-the-token', Accept: 'application/json' } });
      return { status: response.status, body: await response.json() };
    }, DETAILS_116);
    expect(answer).toEqual({ status: 401, body: { message: 'You must log in first.' } });
  } finally {
    await api.stop();
  }
});
