// The local Direct Line's memory: each conversation is capped, idle ones expire, tokens expire.
import assert from 'node:assert/strict';
import { ConversationStore } from '../../src/server/directline/conversations.js';
import { TokenService } from '../../src/server/directline/tokens.js';

describe('local Direct Line memory', () => {
  let clock = 1_000_000;
  const stores: ConversationStore[] = [];
  const makeStore = (overrides: Partial<ConstructorParameters<typeof ConversationStore>[0]> = {}) => {
    const store = new ConversationStore({
      maxActivitiesPerConversation: 3,
      maxConversations: 10,
      idleMs: 60_000,
      sweepIntervalMs: 60_000,
      now: () => clock,
      ...overrides,
    });
    stores.push(store);
    return store;
  };
  afterEach(() => stores.splice(0).forEach((store) => store.close()));

  it('keeps only the newest activities of a conversation, with the watermark still counting', () => {
    const conversation = makeStore().create('c1', 'u1', undefined);
    for (const text of ['one', 'two', 'three', 'four', 'five'])
      conversation.append({ type: 'message', text });
    const { activities, watermark } = conversation.since(undefined);
    assert.deepEqual(
      activities.map((a) => a.text),
      ['three', 'four', 'five'],
    );
    assert.equal(watermark, '5');
    assert.deepEqual(
      conversation.since('4').activities.map((a) => a.text),
      ['five'],
    );
    assert.equal(conversation.since('5').activities.length, 0);
  });

  it('ends idle conversations and tells their listeners; active ones stay', () => {
    const store = makeStore();
    const idle = store.create('idle', 'u1', undefined);
    store.create('busy', 'u2', undefined);
    let ended = false;
    idle.subscribe({ activities: () => undefined, ended: () => (ended = true) });
    clock += 50_000;
    store.get('busy');
    clock += 20_000;
    assert.equal(store.sweep(), 1);
    assert.ok(ended);
    assert.equal(store.get('idle'), undefined);
    assert.ok(store.get('busy'));
  });

  // Only conversations idle for evictIdleAfterMs may go; 0 makes every one without a stream idle.
  it('drops the least recently active conversation when full', () => {
    const store = makeStore({ maxConversations: 2, evictIdleAfterMs: 0 });
    store.create('a', 'u', undefined);
    clock += 1;
    store.create('b', 'u', undefined);
    clock += 1;
    store.get('a');
    store.create('c', 'u', undefined);
    assert.equal(store.size, 2);
    assert.equal(store.get('b'), undefined);
  });

  it('accepts its own unexpired tokens only', () => {
    let now = 5_000;
    const tokens = new TokenService(60, undefined, () => now);
    const issued = tokens.issue('conv', 'dl_user');
    assert.deepEqual(tokens.verify(issued.token), {
      conversationId: 'conv',
      userId: 'dl_user',
      expiresAt: 5_060,
    });
    assert.equal(new TokenService(60, undefined, () => now).verify(issued.token), undefined, 'another key');
    now += 60;
    assert.equal(tokens.verify(issued.token), undefined, 'expired');
  });
});
