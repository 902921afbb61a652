import assert from 'node:assert/strict';
import { INTERESTS_COLLECTION, interestRecordSchema } from '../../src/signups/interestService.js';
import { allText, buttonsOf, type TestBot } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { interestForm } from './support.js';

const REF = /VI-[A-Z2-9]{5}-[A-Z2-9]{5}/;

describe('signups: volunteering journey end to end', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startSignupBot();
  });
  afterEach(() => bot.close());

  const stored = async () => {
    const ids = await bot.services.store.records.list(INTERESTS_COLLECTION);
    return Promise.all(
      ids.map(async (id) =>
        interestRecordSchema.parse(await bot.services.store.records.get(INTERESTS_COLLECTION, id)),
      ),
    );
  };

  it('matches a misspelt place, asks which ward, shows the roles and records an interest with consent', async () => {
    const opening = await bot.say('I want to volunteer');
    assert.match(allText(opening), /Which ward or area/);
    assert.match(allText(await bot.say('somewhere nice')), /couldn't match that to an area of Kingston/);
    const choice = await bot.say('new maldon');
    assert.match(allText(choice), /New Malden covers more than one ward/);
    assert.ok(buttonsOf(choice).includes('1. New Malden Village'));
    const roles = await bot.say('new malden village');
    const text = allText(roles);
    for (const role of [
      'Neighbourhood Watch coordinator',
      'Police Ward Panel member',
      'Safer Neighbourhood Board',
      'Community action days',
    ])
      assert.match(text, new RegExp(role));
    assert.match(
      text,
      /Our coordinator can tell you how much time it takes/,
      'unconfirmed facts are not shown as fact',
    );
    assert.doesNotMatch(text, /As much or as little as you like/);
    const consent = await bot.say('the ward panel one');
    assert.match(allText(consent), /How long: 90 days from when you tell us/);
    await bot.say('yes');
    await bot.say('Sam Patel');
    assert.match(allText(await bot.say('not an email')), /does not look like an email address/);
    await bot.say('sam@example.org');
    const done = await bot.say('skip');
    assert.match(allText(done), /Police Ward Panel member/);
    const ref = REF.exec(allText(done))?.[0];
    assert.ok(ref);
    const [record] = await stored();
    assert.equal(record.ref, ref);
    assert.equal(record.wardId, 'new-malden-village');
    assert.equal(record.roleId, 'police-ward-panel');
    assert.equal(record.contact.phone, undefined);
  });

  it('offers place buttons and "I don\'t know", which shows the roles open to all of Kingston', async () => {
    const opening = await bot.say('I want to volunteer');
    assert.ok(buttonsOf(opening).includes('Surbiton'));
    assert.ok(buttonsOf(opening).includes("I don't know"));
    const roles = allText(await bot.say("I don't know my ward"));
    assert.match(roles, /help anywhere in Kingston/);
    assert.match(roles, /Safer Neighbourhood Board/);
    assert.doesNotMatch(roles, /Police Ward Panel member/, 'ward roles need a ward');
    await bot.say('1');
    await bot.say('yes');
    await bot.say('Sam Patel');
    await bot.say('sam@example.org');
    assert.match(allText(await bot.say('skip')), REF);
    const [record] = await stored();
    assert.equal(record.wardId, 'ward-not-known');
    assert.equal(record.roleId, 'safer-neighbourhood-board');
  });

  it('accepts a Kingston postcode in any spacing and offers its wards, with a way out', async () => {
    for (const postcode of ['KT6 7DG', 'kt67dg', 'KT6']) {
      await bot.say('I want to volunteer');
      const choice = await bot.say(postcode);
      const text = allText(choice);
      assert.match(text, postcode === 'KT6' ? /Postcodes starting KT6 can/ : /Postcodes starting KT6 7 can/);
      assert.ok(buttonsOf(choice).includes("I don't know"), postcode);
      assert.ok(
        buttonsOf(choice).some((b) => /Tolworth/.test(b)),
        postcode,
      );
      await bot.say('cancel');
    }
    await bot.say('I want to volunteer');
    await bot.say('KT6 7DG');
    assert.match(allText(await bot.say('Tolworth')), /how you can help in Tolworth/);
    await bot.say('cancel');
    // "I don't know" typed at "which ward?" is its answer there, not a request for help.
    await bot.say('I want to volunteer');
    await bot.say('kt67dg');
    assert.match(allText(await bot.say("I don't know")), /help anywhere in Kingston/);
    await bot.say('cancel');
    // A postcode elsewhere is named as outside Kingston, and the question is asked again.
    await bot.say('I want to volunteer');
    assert.match(allText(await bot.say('SW1A 1AA')), /does not look like it is in Kingston/);
  });

  it('never asks the ward question a third time: after two misses it shows the roles for all of Kingston', async () => {
    await bot.say('I want to volunteer');
    assert.match(allText(await bot.say('purple')), /couldn't match that/);
    const second = allText(await bot.say('orange'));
    assert.match(second, /still couldn't match that to a ward/);
    assert.match(second, /Safer Neighbourhood Board/);
    assert.doesNotMatch(second, /Which ward or area/);
  });

  describe('at the name question, a question or a command is never kept as a name', () => {
    const toName = async () => {
      await bot.say('I want to volunteer in Tudor');
      await bot.say('1');
      assert.match(allText(await bot.say('yes')), /What is your name\?/);
    };

    it('"what is hate crime?" stops the sign-up and is answered', async () => {
      await toName();
      const replies = allText(await bot.say('what is hate crime?'));
      assert.match(replies, /stopped signing you up so I can answer that/);
      assert.match(replies, /hate crime/i);
      assert.doesNotMatch(replies, /What is your email address/);
      assert.deepEqual(await stored(), []);
    });

    for (const answer of ['yes', 'skip'])
      it(`"${answer}" is refused and the name is asked again`, async () => {
        await toName();
        const replies = allText(await bot.say(answer));
        assert.match(replies, /I need your name here/);
        assert.match(replies, /What is your name\?/);
        assert.doesNotMatch(replies, /email address/);
      });

    it('"cancel" stops, "help" helps and asks for the name again', async () => {
      await toName();
      const help = allText(await bot.say('help'));
      assert.match(help, /What is your name\?/);
      assert.doesNotMatch(help, /email address/);
      assert.match(allText(await bot.say('cancel')), /I've stopped that/);
      assert.deepEqual(await stored(), []);
    });

    it('a name that starts like a question ("Can Yilmaz") is still a name', async () => {
      await toName();
      assert.match(allText(await bot.say('Can Yilmaz')), /What is your email address/);
    });
  });

  it('a question for another journey asked inside volunteering goes there', async () => {
    await bot.say('I want to volunteer in Tudor');
    const replies = allText(await bot.say('how do I report something anonymously'));
    assert.doesNotMatch(replies, /Please type the number of the role/);
    assert.match(replies, /This chat cannot take a report/);
  });

  it('takes the ward from the opening words, forgiving typos ("st marks", "surbitn hill")', async () => {
    assert.match(allText(await bot.say('volunteer in st marks')), /help in St Mark's & Seething Wells/);
    await bot.say('cancel');
    assert.match(allText(await bot.say('can I volunteer near surbitn hill')), /help in Surbiton Hill/);
  });

  it('writes nothing without consent, and refuses forged choices', async () => {
    await bot.say('volunteer in norbiton');
    const forged = await bot.say({ text: '', value: { action: 'volunteer.role', roleId: 'astronaut' } });
    assert.match(allText(forged), /not one of the roles on offer/);
    await bot.say({ text: '', value: { action: 'volunteer.role', roleId: 'neighbourhood-watch-member' } });
    assert.match(allText(await bot.say('no')), /Nothing has been kept/);
    assert.deepEqual(await stored(), []);
  });

  it('refuses a forged interest form and records a genuine one once', async () => {
    const form = interestForm('interest-form-1');
    assert.match(
      allText(await bot.say({ text: '', value: { ...form, consent: false } })),
      /Nothing has been saved/,
    );
    assert.match(
      allText(await bot.say({ text: '', value: { ...form, wardId: '../x' } })),
      /Nothing has been saved/,
    );
    assert.deepEqual(await stored(), []);
    const first = REF.exec(allText(await bot.say({ text: '', value: form })))?.[0];
    assert.ok(first);
    for (let i = 0; i < 3; i++) {
      const again = REF.exec(allText(await bot.say({ text: '', value: form })))?.[0];
      assert.ok(again === undefined || again === first);
    }
    assert.deepEqual(
      (await stored()).map((r) => r.ref),
      [first],
    );
  });

  it('deletes an interest by reference and email', async () => {
    const form = interestForm('interest-form-2', {
      roleId: 'community-action-days',
      wardId: 'tudor',
      consent: 'true',
    });
    const ref = REF.exec(allText(await bot.say({ text: '', value: form })))?.[0] ?? '';
    // Opened as the volunteer journey: which journey a typed request reaches is the recogniser's job.
    const withdraw = (text: string) => bot.say({ text, value: { journey: 'volunteer' } });
    assert.match(allText(await withdraw('delete my volunteer details')), /reference you were given/);
    await bot.say(ref);
    assert.match(allText(await bot.say('other@example.org')), /couldn't find details/);
    assert.equal((await stored()).length, 1);
    await withdraw(`delete my volunteer details ${ref}`);
    assert.match(allText(await bot.say('sam@example.org')), /deleted your volunteering details/);
    assert.deepEqual(await stored(), []);
  });
});
