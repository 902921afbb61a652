// Sign-up cards read right on a phone: numbered headings keep their own number when the card's
// markdown is rendered, labels are text blocks that wrap at word boundaries (no FactSet columns
// that split "Ses/sion" at 320 px), and the role buttons name the role.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadContent, type Content } from '../../src/content/content.js';
import { rolesMessage } from '../../src/signups/volunteerCards.js';
import { confirmationMessage, sessionsMessage } from '../../src/signups/workshopCards.js';
import { adaptiveCardProblems } from '../support/adaptiveCardCheck.js';

// Web Chat renders card text with markdown-it, so the test renders it the same way.
const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it') as new () => { render(text: string): string };
const markdown = new MarkdownIt();

type Node = Record<string, unknown>;

function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}

const cardOf = (message: { attachments?: { content?: unknown }[] }) => message.attachments?.[0]?.content;

describe('sign-up cards on a phone', () => {
  let content: Content;
  before(async () => {
    content = await loadContent();
  });

  it('numbers each role heading with its own number, and its button names the role', () => {
    const roles = content.volunteering.forWard();
    const ward = content.wards.get('tudor');
    const card = cardOf(rolesMessage(roles, ward, content.signupMessages.volunteer, 'webchat'));
    assert.deepEqual(adaptiveCardProblems(card), []);
    const headings = nodes(card).filter(
      (n) => n.type === 'TextBlock' && n.weight === 'Bolder' && /^\d/.test(String(n.text)),
    );
    assert.equal(headings.length, roles.length);
    headings.forEach((h, i) => {
      const html = markdown.render(String(h.text));
      assert.doesNotMatch(html, /<ol/, `heading ${i + 1} is not turned into a list numbered from 1`);
      assert.match(html, new RegExp(`^<p>${i + 1}\\.`));
    });
    const buttons = nodes(card)
      .filter((n) => n.type === 'Action.Submit')
      .map((n) => String(n.title));
    assert.deepEqual(
      buttons,
      roles.map((r) => `I'm interested in ${r.name}`),
    );
  });

  it('numbers each session heading with its own number', () => {
    const sessions = content.workshops.all.slice(0, 3).map((session) => ({
      session,
      state: 'open' as const,
      seatsLeft: 5,
      waitingListFull: false,
    }));
    const words = content.signupMessages.workshop;
    const card = cardOf(sessionsMessage(sessions as never, 'Sessions', words.sessionList, 'webchat'));
    const headings = nodes(card).filter((n) => n.type === 'TextBlock' && n.weight === 'Bolder');
    headings.forEach((h, i) => assert.match(markdown.render(String(h.text)), new RegExp(`^<p>${i + 1}\\.`)));
  });

  it('shows the booking confirmation without FactSet columns, every text wrapping', () => {
    const session = content.workshops.all[0]!;
    const words = content.signupMessages.workshop;
    const card = cardOf(
      confirmationMessage({ ref: 'HC-ABCDE-FGH23', session, seats: 2, kind: 'booked' }, words, 'webchat'),
    );
    assert.deepEqual(adaptiveCardProblems(card), []);
    const all = nodes(card);
    assert.equal(all.filter((n) => n.type === 'FactSet').length, 0);
    for (const block of all.filter((n) => n.type === 'TextBlock'))
      assert.equal(block.wrap, true, String(block.text));
    const texts = all.filter((n) => n.type === 'TextBlock').map((n) => n.text);
    assert.ok(
      texts.indexOf(words.confirmation.session) + 1 === texts.indexOf(session.title),
      'label, then its value',
    );
  });
});
