import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chatAddressOf, readChatAddress } from '../../src/signups/chatAddress.js';

describe('signups: reading a chat address from an activity', () => {
  const activity = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: 'a:1', name: 'Private chat' },
    recipient: { id: '28:bot', name: 'Safer Kingston' },
    from: { id: '29:user', name: 'Sam Patel' },
    text: 'book me a place',
  };

  it('keeps only the ids and addresses, no names or text', () => {
    assert.deepEqual(chatAddressOf(activity), {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      conversationId: 'a:1',
      botId: '28:bot',
      userId: '29:user',
    });
  });

  const long = (n: number) => 'x'.repeat(n);
  for (const [what, change] of [
    ['a file: service address', { serviceUrl: 'file:///etc/passwd' }],
    ['a javascript: service address', { serviceUrl: 'javascript:alert(1)' }],
    ['a service address with a password', { serviceUrl: 'https://user:secret@example.org/' }],
    ['a service address that is not one', { serviceUrl: 'not a url' }],
    ['an oversize service address', { serviceUrl: `https://example.org/${long(600)}` }],
    ['no service address', { serviceUrl: undefined }],
    ['an oversize conversation id', { conversation: { id: long(513) } }],
    ['an empty conversation id', { conversation: { id: '' } }],
    ['an oversize user id', { from: { id: long(257) } }],
    ['an oversize bot id', { recipient: { id: long(257) } }],
    ['a channel id with odd characters', { channelId: 'ms teams/../' }],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.equal(chatAddressOf({ ...activity, ...change }), undefined);
    });
  }

  it('accepts exactly the http(s) addresses with bounded ids (property)', () => {
    fc.assert(
      fc.property(
        fc.webUrl(),
        fc.string({ minLength: 0, maxLength: 600 }),
        fc.string({ minLength: 0, maxLength: 300 }),
        (serviceUrl, conversationId, userId) => {
          const read = readChatAddress({
            channelId: 'webchat',
            serviceUrl,
            conversationId,
            botId: 'bot',
            userId,
          });
          const expected =
            serviceUrl.length <= 512 &&
            conversationId.length >= 1 &&
            conversationId.length <= 512 &&
            userId.length >= 1 &&
            userId.length <= 256 &&
            !new URL(serviceUrl).username;
          assert.equal(read !== undefined, expected);
        },
      ),
    );
  });

  it('refuses any address that is not http or https (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ftp', 'file', 'data', 'ws', 'gopher', 'javascript'),
        fc.domain(),
        (scheme, host) =>
          readChatAddress({
            channelId: 'webchat',
            serviceUrl: `${scheme}://${host}/`,
            conversationId: 'c',
            botId: 'b',
            userId: 'u',
          }) === undefined,
      ),
    );
  });
});
