import assert from 'node:assert/strict';
import { summaryCard, techniquesCard } from '../../src/cards/bystanderCards.js';
import { adaptiveCard, cardMessage, cardsMessage, type AdaptiveCard } from '../../src/cards/cards.js';
import { reportRouteCard } from '../../src/cards/reportRouteCard.js';
import { alwaysOpenCard, serviceCard } from '../../src/cards/serviceCard.js';
import { loadContent, type Content } from '../../src/content/content.js';
import { AUDIENCES, TOPICS } from '../../src/content/services.js';
import { alwaysOpenServices, selectServices } from '../../src/content/supportSelection.js';
import { adaptiveCardProblems } from '../support/adaptiveCardCheck.js';
import { backChoice, questionMessage } from '../../dialogs/choiceQuestion.js';

/** Every card the resident journeys can show, named. */
function everyCard(content: Content): [string, AdaptiveCard][] {
  const { services, reporting, bystander, support } = content;
  const cards: [string, AdaptiveCard][] = [];
  for (const route of reporting.routes) {
    const listed = route.services.map((id) => services.get(id)).filter((s) => !s.unconfirmed);
    cards.push([`report route ${route.id}`, reportRouteCard(route, listed, reporting.notice)]);
  }
  for (const service of services.all) cards.push([`service ${service.id}`, serviceCard(service)]);
  for (const audience of AUDIENCES) {
    const open = alwaysOpenServices(services, support, audience, []);
    cards.push([`24/7 for ${audience}`, alwaysOpenCard(support.alwaysOpenTitle, open)]);
  }
  cards.push(['techniques', techniquesCard(bystander.course.techniquesTitle, bystander.techniques)]);
  const next = content.conversation.journeys.filter((j) => j.route === 'workshop' || j.route === 'volunteer');
  cards.push([
    'summary',
    summaryCard(
      bystander.course.summaryTitle,
      bystander.course.summaryIntro,
      bystander.techniques,
      bystander.course.offer,
      next,
    ),
  ]);
  return cards;
}

describe('resident cards', () => {
  let content: Content;
  before(async () => {
    content = await loadContent();
  });

  it('are all valid Adaptive Card 1.5 with a plain-text fallback', () => {
    const cards = everyCard(content);
    assert.ok(cards.length > 40);
    for (const [name, card] of cards) {
      assert.deepEqual(adaptiveCardProblems(card), [], name);
      assert.ok(card.fallbackText.length > 20, `${name} has a real fallback`);
    }
  });

  it('include the question cards Teams gets, all valid 1.5 with a fallback', () => {
    const { reporting, support, bystander } = content;
    const questions = [
      { key: 'report:start', choices: reporting.start.choices },
      ...reporting.file.questions.map((q) => ({
        key: `report:${q.id}`,
        choices: [...q.choices, backChoice],
      })),
      { key: 'support:topic', choices: support.topics },
      { key: 'support:audience', choices: [...support.audiences, backChoice] },
      ...bystander.scenarios.map((s) => ({ key: `bystander:${s.id}`, choices: [...s.options, backChoice] })),
    ];
    for (const question of questions) {
      const message = questionMessage('Which one?', question, 'msteams');
      const cards = (message.attachments ?? []).map((a) => a.content as AdaptiveCard);
      assert.equal(cards.length, 1, question.key);
      assert.deepEqual(adaptiveCardProblems(cards[0]), [], question.key);
      assert.match(cards[0].fallbackText, /1\. /, `${question.key} fallback lists the answers`);
    }
  });

  it('carry every phone number and web address of their services in the fallback text too', () => {
    for (const service of content.services.all) {
      const text = serviceCard(service).fallbackText;
      if (service.contact.phone) assert.ok(text.includes(service.contact.phone), service.id);
      if (service.contact.web) assert.ok(text.includes(service.contact.web), service.id);
      if (service.contact.text) assert.ok(text.includes(service.contact.text.number), service.id);
    }
  });

  it('make phone numbers tap-to-call and text lines tap-to-text', () => {
    const json = JSON.stringify(serviceCard(content.services.get('victim-support')));
    assert.match(json, /"title":"Call 08 08 16 89 111","url":"tel:08081689111"/);
    assert.match(JSON.stringify(serviceCard(content.services.get('shout'))), /"url":"sms:85258\?body=SHOUT"/);
  });

  it('choose 2 to 4 services for every topic and group that has them, and never an unconfirmed one', () => {
    for (const topic of TOPICS)
      for (const audience of AUDIENCES) {
        const chosen = selectServices(content.services, topic, audience);
        assert.ok(chosen.length <= 4, `${topic}/${audience}`);
        assert.ok(chosen.every((s) => !s.unconfirmed));
      }
    // Missing people has one national line (Missing People); 999 comes first there anyway.
    for (const topic of content.support.topics.filter(
      (t) => !['substance-misuse', 'housing', 'missing-people'].includes(t.id),
    ))
      assert.ok(selectServices(content.services, topic.id, 'everyone', topic.related).length >= 2, topic.id);
  });

  it('the checker itself catches a card above 1.5, without fallback, or with an unsafe link', () => {
    const bad = {
      ...adaptiveCard(
        [{ type: 'TextBlock', text: 'x', size: 'Huge' }],
        [{ type: 'Action.OpenUrl', title: 'x', url: 'javascript:alert(1)' }],
        '',
      ),
      version: '1.6',
    };
    const problems = adaptiveCardProblems(bad).join('\n');
    assert.match(problems, /above 1\.5/);
    assert.match(problems, /fallbackText/);
    assert.match(problems, /Invalid value "Huge"/);
    assert.match(problems, /not https, tel or sms/);
    assert.match(
      adaptiveCardProblems({ ...adaptiveCard([{ type: 'Carousel' }], undefined, 'x') }).join(),
      /Unknown element/,
    );
  });

  it('become plain text on channels without cards', () => {
    const card = serviceCard(content.services.get('samaritans'));
    assert.deepEqual(cardMessage(card, 'sms'), { type: 'message', text: card.fallbackText });
    const many = cardsMessage([card, card], 'sms', 'Intro');
    assert.equal(many.attachments, undefined);
    assert.equal(many.text, `Intro\n\n${card.fallbackText}\n\n${card.fallbackText}`);
    assert.equal(cardsMessage([card], 'msteams').attachments?.length, 1);
  });
});
