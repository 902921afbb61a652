// The sign-up journeys say what knowledge/ says: an editor's change to a copy of the knowledge
// folder shows up in the bot's replies, with its placeholders filled in, and a broken message is
// refused at start with the file and the field named.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadContent } from '../../src/content/content.js';
import { ContentError } from '../../src/content/contentError.js';
import { parseYaml, stringifyYaml } from '../../src/content/yamlText.js';
import { knowledgeDir, projectRoot } from '../../src/paths.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { NOW, attendee, interestForm, testCatalogue } from './support.js';

type Data = Record<string, Record<string, unknown>>;

let dir: string;

/** Changes one YAML file of the knowledge copy. */
async function edit(file: string, change: (data: Data) => void): Promise<void> {
  const full = path.join(dir, file);
  const data = parseYaml(await readFile(full, 'utf8')) as Data;
  change(data);
  await writeFile(full, stringifyYaml(data));
}

/** The whole bot on the knowledge copy (with the test sessions). */
async function botOnCopy(): Promise<TestBot> {
  const content = { ...(await loadContent(dir)), workshops: testCatalogue() };
  return startTestBot({ services: { content, now: () => NOW } });
}

const REF = /HC-[A-Z2-9]{5}-[A-Z2-9]{5}/;

/** A fresh copy of knowledge/ for each test of `describe`, in `dir`. */
function withKnowledgeCopy(): void {
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'skbot-wording-')), 'knowledge');
    await cp(knowledgeDir, dir, { recursive: true });
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));
}

describe('signups: the wording comes from knowledge/', () => {
  withKnowledgeCopy();

  it('shows edited workshop wording, filling in places, references and the right plural', async () => {
    await edit('signupMessages.yaml', (d) => {
      const w = d.workshop as Record<string, Record<string, unknown>>;
      w.sessionsIntro.all = 'Pick a session (edited):';
      w.sessionList.choose = 'Pick {number} (edited)';
      w.seatsQuestion = { one: 'Just one (edited).', other: 'Edited: how many, at most {max}?' };
      w.places = { one: 'a single seat (edited)', other: '{seats} seats (edited)' };
      w.confirmation.reference = 'Edited: keep {ref} safe';
      (d.contactDetails as Record<string, unknown>).askName = 'Edited: what should we call you?';
    });
    await edit('signups.yaml', (d) => {
      d.workshopConsent.question = 'Edited: may we keep these details?';
    });
    const bot = await botOnCopy();
    try {
      const list = await bot.say('book a workshop');
      assert.match(allText(list), /Pick a session \(edited\):/);
      assert.doesNotMatch(allText(list), /Here are the upcoming sessions/);
      assert.ok(buttonsOf(list).includes('Pick 1 (edited)'));
      assert.match(allText(await bot.say('1')), /Edited: how many, at most 3\?/);
      assert.match(allText(await bot.say('2')), /Edited: may we keep these details\?/);
      assert.match(allText(await bot.say('yes')), /Edited: what should we call you\?/);
      await bot.say('Sam Patel');
      await bot.say('sam@example.org');
      const done = allText(await bot.say('skip'));
      const ref = REF.exec(done)?.[0];
      assert.ok(ref, done);
      assert.ok(done.includes(`Edited: keep ${ref} safe`), done);
      assert.match(done, /2 seats \(edited\)/);
      assert.doesNotMatch(done, /\{[A-Za-z]+\}/, 'every placeholder filled in');

      const form = {
        journey: 'workshop',
        action: 'workshop.book',
        sessionId: 'twenty',
        seats: '1',
        consent: 'true',
        name: 'Ali Khan',
        email: 'ali@example.org',
        submissionKey: 'wording-form-1',
      };
      assert.match(allText(await bot.say({ text: '', value: form })), /a single seat \(edited\)/);
    } finally {
      await bot.close();
    }
  });

  it('shows edited booking-management and volunteering wording, placeholders in the editor’s order', async () => {
    await edit('signupMessages.yaml', (d) => {
      d.manageBooking.found = 'Edited: {status} That is {places} at {session}, reference {ref}.';
      d.volunteer.recorded = 'Edited: {ref} is your reference for {role}.';
      d.contactDetails.badEmail = 'Edited: that email address is not right.';
    });
    const bot = await botOnCopy();
    try {
      const service = new BookingService(
        bot.services.store.records,
        bot.services.content.workshops,
        () => NOW,
      );
      const booked = await service.book({
        sessionId: 'small',
        seats: 3,
        attendee: attendee('m'),
        submissionKey: 'km',
        waitingListOk: false,
      });
      const ref = booked.outcome === 'booked' ? booked.ref : '';
      await bot.say(`manage my workshop booking ${ref}`);
      assert.match(allText(await bot.say('not an email')), /Edited: that email address is not right\./);
      const found = allText(await bot.say('personm@example.org'));
      assert.ok(found.includes('Edited: You are booked. That is 3 places at Test session small, '), found);
      assert.ok(found.includes(`, reference ${ref}.`), found);
      await bot.say('keep it');

      const thanks = allText(await bot.say({ text: '', value: interestForm('wording-interest-1') }));
      assert.match(
        thanks,
        /^Edited: VI-[A-Z2-9]{5}-[A-Z2-9]{5} is your reference for Safer Neighbourhood Board\.$/m,
      );
    } finally {
      await bot.close();
    }
  });
});

describe('signups: numbers of places read as English', () => {
  it('says "1 place", never "1 to 1 places", on a session that takes one place per booking', async () => {
    const bot = await startSignupBot();
    try {
      const words = bot.services.content.signupMessages.workshop;
      await bot.say('I want to book a workshop for 3 people');
      const replies = allText(await bot.say('2')); // the session "twenty": one place per booking
      assert.ok(replies.includes(words.seatsTooMany.one), replies);
      assert.ok(replies.includes(words.seatsQuestion.one), replies);
      assert.doesNotMatch(replies, /1 to 1\b/);
    } finally {
      await bot.close();
    }
  });
});

describe('signups: a broken message is refused, naming the file and the field', () => {
  withKnowledgeCopy();

  /** Asserts loading fails with a ContentError naming `file` and every detail. */
  async function assertRefused(file: string, ...details: string[]): Promise<void> {
    await assert.rejects(loadContent(dir), (error: unknown) => {
      assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
      assert.ok(error.file.endsWith(file), error.file);
      assert.ok(error.message.includes(file), error.message);
      for (const d of details) assert.ok(error.message.includes(d), `"${d}" in:\n${error.message}`);
      return true;
    });
  }

  /** [what is wrong, the file, the editor's change, what the message must say] */
  const BROKEN: [string, string, (d: Data) => void, string[]][] = [
    [
      'a confirmation or waiting-list message that loses its {ref}',
      'signupMessages.yaml',
      (d) => {
        d.workshop.waiting = "You're on the waiting list: number {position}.";
        (d.workshop.confirmation as Record<string, unknown>).reference = 'Your reference is below.';
      },
      [
        'field "workshop.waiting": must include {ref}',
        'field "workshop.confirmation.reference": must include {ref}',
      ],
    ],
    [
      'a placeholder the message cannot have, or a stray curly bracket',
      'signupMessages.yaml',
      (d) => {
        d.manageBooking.askEmail = 'What email address did you use for {ref}?';
        d.volunteer.rolesIntro = 'Here is how you can help in {ward} and {borough}.';
        d.contactDetails.askName = 'What is your {name?';
      },
      [
        'field "manageBooking.askEmail": uses {ref}, which the bot cannot fill in here (it has no placeholders)',
        'field "volunteer.rolesIntro": uses {borough}, which the bot cannot fill in here (it can use {ward})',
        'field "contactDetails.askName": has a "{" or "}" that is not part of a placeholder',
      ],
    ],
    [
      'a number of places without both forms, or an "other" form without its number',
      'signupMessages.yaml',
      (d) => {
        d.workshop.places = '{seats} places';
        d.workshop.seatsQuestion = { one: 'How many? Just 1.', other: 'How many places would you like?' };
      },
      [
        'field "workshop.places": Expected object, received string',
        'field "workshop.seatsQuestion.other": must include {max}',
      ],
    ],
    [
      'a consent question with a placeholder',
      'signups.yaml',
      (d) => {
        d.workshopConsent.question = 'Do you agree, {name}?';
      },
      ['field "workshopConsent.question": uses {name}'],
    ],
    [
      'privacy wording with a placeholder the bot does not fill in',
      'privacyJourney.yaml',
      (d) => {
        (d as unknown as Record<string, string>).intro = 'Read {notice}, kept for {retentionDay} days.';
      },
      ['field "intro": uses {retentionDay}'],
    ],
  ];

  for (const [what, file, change, details] of BROKEN)
    it(what, async () => {
      await edit(file, change);
      await assertRefused(file, ...details);
    });

  it('stops `npm run knowledge:check` with the same message', async () => {
    await edit('signupMessages.yaml', (d) => {
      d.manageBooking.cancelled = 'Your booking is cancelled.';
    });
    const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'knowledgeCheck.js');
    await assert.rejects(
      promisify(execFile)(process.execPath, [cli, '--dir', dir]),
      (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(
          error.stderr ?? '',
          /signupMessages\.yaml is not valid:[\s\S]*field "manageBooking\.cancelled": must include \{ref\}/,
        );
        return true;
      },
    );
  });
});
