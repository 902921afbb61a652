import assert from 'node:assert/strict';
import { CONVERSATION_IDLE_HOURS, stateExpiry } from '../../src/store/stateExpiry.js';

const HOUR = 3600 * 1000;
const NOW = new Date('2026-11-21T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe('how long bot state is kept', () => {
  const expiry = stateExpiry(NOW, 90);

  it('deletes a conversation left for a day, and keeps one used since', () => {
    const key = 'directline/conversations/abc-123/';
    assert.equal(expiry.expired(key, ago(CONVERSATION_IDLE_HOURS + 1)), true);
    assert.equal(expiry.expired(key, ago(CONVERSATION_IDLE_HOURS - 1)), false);
  });

  it('keeps training progress (user state) RETENTION_DAYS after the last visit, then deletes it', () => {
    const key = 'msteams/users/29:1abc/';
    assert.equal(expiry.expired(key, ago(CONVERSATION_IDLE_HOURS + 1)), false);
    assert.equal(expiry.expired(key, ago(89 * 24)), false);
    assert.equal(expiry.expired(key, ago(91 * 24)), true);
  });

  it('reads keys without their trailing slash too (Azure Blob names drop it)', () => {
    assert.equal(expiry.expired('webchat/conversations/x', ago(25)), true);
    assert.equal(expiry.expired('webchat/users/x', ago(25)), false);
  });

  it('never looks at items written within the last day', () => {
    assert.equal(expiry.keepIfWrittenSince.getTime(), ago(CONVERSATION_IDLE_HOURS).getTime());
  });
});
