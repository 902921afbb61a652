import assert from 'node:assert/strict';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';

interface Replies {
  activities: { type: string; text?: string }[];
}

describe('HTTP: /api/messages and /healthz (local, unauthenticated)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('says ready once content is loaded', async () => {
    const res = await fetch(`${app.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ready' });
  });

  it('returns the replies in the response body for deliveryMode expectReplies', async () => {
    const res = await postActivity(app.url, expectRepliesActivity('help'));
    assert.equal(res.status, 200);
    const body = (await res.json()) as Replies;
    assert.ok(body.activities.some((a) => /in your own words/.test(a.text ?? '')));
  });

  it('welcomes on conversationUpdate with expectReplies', async () => {
    const res = await postActivity(app.url, {
      ...expectRepliesActivity(''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'bot' }, { id: 'user-http' }],
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as Replies;
    assert.match(body.activities.map((a) => a.text).join(' '), /Safer Kingston helper/);
  });

  it('answers malformed JSON with 400 and a clear message, and keeps serving', async () => {
    const res = await postActivity(app.url, '{"type": "message", ');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'The request body is not valid JSON' });
    assert.equal((await postActivity(app.url, expectRepliesActivity('hello'))).status, 200);
  });

  it('answers an activity missing required fields with 400 naming them', async () => {
    const res = await postActivity(app.url, { type: 'message', text: 'hi' });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: string };
    assert.match(error, /channelId/);
    assert.match(error, /conversation/);
    assert.match(error, /from/);
    assert.equal(
      (
        await postActivity(app.url, {
          ...expectRepliesActivity('hi'),
          deliveryMode: undefined,
          serviceUrl: undefined,
        })
      ).status,
      400,
    );
  });

  it('answers an empty body with 400', async () => {
    const res = await postActivity(app.url, '');
    assert.equal(res.status, 400);
  });
});

describe('HTTP: /api/messages with a Microsoft App ID', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'test-password-not-real',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    });
  });
  after(() => app.stop());

  it('refuses an unsigned request with 401', async () => {
    const res = await postActivity(app.url, expectRepliesActivity('hello'));
    assert.equal(res.status, 401);
  });

  it('refuses a request with a made-up bearer token with 401', async () => {
    const res = await postActivity(app.url, expectRepliesActivity('hello'), {
      authorization: 'Bearer abc.def.ghi',
    });
    assert.equal(res.status, 401);
  });
});
