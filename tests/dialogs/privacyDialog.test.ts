import assert from 'node:assert/strict';
import { BookingService } from '../../src/signups/bookingService.js';
import { InterestService } from '../../src/signups/interestService.js';
import { allText, startTestBot, type TestBot } from '../support/botHarness.js';
import { filesContaining } from '../support/dataFiles.js';

const NAME = 'Zelda Quartermain';
const EMAIL = 'zelda.q@example.org';

describe('privacy journey: what we hold and deleting it', () => {
  let bot: TestBot;
  let bookings: BookingService;
  let sessionId: string;
  beforeEach(async () => {
    bot = await startTestBot();
    const { store, content, now } = bot.services;
    bookings = new BookingService(store.records, content.workshops, now);
    const session = content.workshops.upcoming(now()).find((s) => s.capacity <= 40)!;
    sessionId = session.id;
  });
  afterEach(() => bot.close());

  async function book(name: string, email: string, key: string, waitingListOk = true): Promise<string> {
    const outcome = await bookings.book({
      sessionId,
      seats: 1,
      attendee: { name, email },
      submissionKey: key,
      waitingListOk,
    });
    assert.ok(outcome.outcome === 'booked' || outcome.outcome === 'waiting', outcome.outcome);
    return (outcome as { ref: string }).ref;
  }

  it('shows what is held and deletes it, leaving nothing of the person in any file, and frees the place', async () => {
    const capacity = bot.services.content.workshops.get(sessionId)!.capacity;
    const ref = await book(NAME, EMAIL, 'zelda');
    for (let i = 1; i < capacity; i++) await book(`Person ${i}`, `person${i}@example.net`, `p${i}`);
    const waitingRef = await book('Next Inline', 'next@example.net', 'next');
    assert.equal((await bookings.find(waitingRef, 'next@example.net'))?.status, 'waiting');
    const interest = await new InterestService(
      bot.services.store.records,
      bot.services.content.volunteering,
      bot.services.content.wards,
      bot.services.now,
    ).record({
      roleId: bot.services.content.volunteering.all[0].id,
      wardId: bot.services.content.wards.all[0].id,
      contact: { name: NAME, email: EMAIL },
      consent: true,
      submissionKey: 'zelda-interest',
    });
    assert.equal(interest.outcome, 'recorded');

    const intro = await bot.say('please delete my data');
    assert.match(allText(intro), /privacy notice/);
    assert.match(allText(intro), /reference/i);
    assert.match(allText(await bot.say(ref.toLowerCase().replaceAll('-', ' '))), /email/i);
    const shown = allText(await bot.say(EMAIL));
    assert.match(shown, /Zelda Quartermain/);
    assert.match(shown, /Are you sure/);
    assert.match(allText(await bot.say('yes')), /deleted your details/);

    // The volunteering interest, by its own reference.
    await bot.say('Skip');
    await bot.say('delete my details');
    await bot.say((interest as { ref: string }).ref);
    await bot.say(EMAIL);
    assert.match(allText(await bot.say('yes')), /deleted your details/);

    assert.deepEqual(await filesContaining(bot.dataDir, /zelda|quartermain/i), []);
    assert.equal((await bookings.find(waitingRef, 'next@example.net'))?.status, 'booked');
  });

  it('shows what is held and keeps it when the person says no', async () => {
    const ref = await book(NAME, EMAIL, 'zelda');
    await bot.say('what information do you hold about me?');
    await bot.say(ref);
    const shown = allText(await bot.say(EMAIL));
    assert.match(shown, /Would you like me to delete/);
    assert.match(allText(await bot.say('no')), /haven't changed anything/);
    assert.equal((await bookings.find(ref, EMAIL))?.status, 'booked');
  });

  it('asks again for a reference that is not one of ours, and does not say which detail was wrong', async () => {
    await bot.say('delete my data');
    const retry = allText(await bot.say('my booking number is 12345'));
    assert.match(retry, /doesn't look like one of our references/);
    await bot.say('HC-AAAAA-BBBBB');
    const missing = allText(await bot.say('someone@example.org'));
    assert.match(missing, /couldn't find anything with that reference and email/);
  });

  it('shows a name exactly as typed, never as formatting or a link', async () => {
    const ref = await book('[click](http://evil.example) **Bold**', EMAIL, 'markdown');
    await bot.say('what do you hold about me');
    await bot.say(ref);
    const shown = allText(await bot.say(EMAIL));
    assert.match(shown, /\\\[click\\\]\\\(http:\/\/evil\\\.example\\\) \\\*\\\*Bold\\\*\\\*/);
  });
});
