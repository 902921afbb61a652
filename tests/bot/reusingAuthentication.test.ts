// The adapter's authentication hands out one ConnectorClient per bot, channel address and audience,
// instead of a new one (and a new Azure HTTP pipeline) on every turn.
import assert from 'node:assert/strict';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import sinon from 'sinon';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/reusingAuthentication.js';

const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'directline',
    serviceUrl,
    conversation: { id: 'c1' },
    from: { id: 'u1' },
  }) as Activity;

async function connectorFor(auth: ReusingBotFrameworkAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  assert.ok(result.connectorFactory, 'the request is given a connector factory');
  return result.connectorFactory.create(serviceUrl, result.audience);
}

describe('reusing Bot Framework clients between turns', () => {
  afterEach(() => sinon.restore());

  it('gives every turn on the same channel address the same ConnectorClient', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const first = await connectorFor(auth, 'https://channel.example/a/');
    const second = await connectorFor(auth, 'https://channel.example/a/');
    const other = await connectorFor(auth, 'https://channel.example/b/');
    assert.equal(second, first);
    assert.notEqual(other, first);
  });

  it('keeps clients of different bots apart', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const forBot = (appId: string) =>
      auth
        .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: appId }], true))
        .create('https://channel.example/a/');
    const one = await forBot('bot-one');
    assert.equal(await forBot('bot-one'), one);
    assert.notEqual(await forBot('bot-two'), one);
  });

  it('reuses the user token client for the same bot', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const claims = new ClaimsIdentity([{ type: 'aud', value: 'bot-one' }], true);
    assert.equal(await auth.createUserTokenClient(claims), await auth.createUserTokenClient(claims));
  });

  it('forgets a client that could not be made, so the next turn tries again', async () => {
    const made = { name: 'connector' } as unknown as ConnectorClient;
    const create = sinon.stub();
    create.onFirstCall().rejects(new Error('token service unavailable'));
    create.onSecondCall().resolves(made);
    sinon
      .stub(ConfigurationBotFrameworkAuthentication.prototype, 'createConnectorFactory')
      .returns({ create } as unknown as ConnectorFactory);
    const auth = new ReusingBotFrameworkAuthentication({});
    const factory = auth.createConnectorFactory(new ClaimsIdentity([], true));
    await assert.rejects(factory.create('https://channel.example/a/'), /token service unavailable/);
    assert.equal(await factory.create('https://channel.example/a/'), made);
    assert.equal(await factory.create('https://channel.example/a/'), made);
    assert.equal(create.callCount, 2);
  });
});
