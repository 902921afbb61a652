// How many turns a resident needs from the welcome to the right phone number or link, for every
// reporting route and every support topic and group, tapping only the buttons the bot offers; for
// a few typed openings; and to cancel or move a workshop booking and to see the volunteering roles
// from a postcode. Target: at most 3. Prints one JSON line.
import { loadContent, type Content } from '../src/content/content.js';
import type { Service } from '../src/content/services.js';
import { alwaysOpenServices, selectServices } from '../src/content/supportSelection.js';
import { BookingService } from '../src/signups/bookingService.js';
import { allText, startTestBot, type TestBot } from '../tests/support/botHarness.js';
import { Chat } from '../tests/support/chat.js';

const TARGET = 3;

/** What the resident needs to see: the service's phone number, else its web address. */
function contactOf(service: Service): string {
  return service.contact.phone ?? service.contact.web ?? service.contact.text?.number ?? service.name;
}

/**
 * Sends each message in turn and counts turns until `expected` shows. With `tapsOnly`, each one is
 * a tap on a button the bot offered in its previous reply (the welcome, at first); else it is typed.
 */
async function turnsTo(
  content: Content,
  script: string[],
  expected: string,
  tapsOnly: boolean,
  /** Sets up records first (a booking) and gives values for {placeholders} in the script. */
  prepare?: (bot: TestBot) => Promise<Record<string, string>>,
): Promise<number> {
  const chat = new Chat(await startTestBot({ services: { content } }));
  try {
    const values = prepare ? await prepare(chat.bot) : {};
    await chat.join();
    for (let turn = 1; turn <= script.length; turn++) {
      const message = script[turn - 1].replace(/\{(\w+)\}/g, (_all, name: string) => values[name] ?? '');
      const replies = tapsOnly ? await chat.tap(message) : await chat.type(message);
      if (allText(replies).includes(expected)) return turn;
    }
    return Number.POSITIVE_INFINITY;
  } finally {
    await chat.bot.close();
  }
}

async function main(): Promise<void> {
  const content = await loadContent();
  const { reporting, support, services, conversation } = content;
  const label = (route: string) => conversation.journeys.find((j) => j.route === route)?.label ?? route;
  const firstContact = (ids: readonly string[]) => {
    const first = ids.map((id) => services.get(id)).find((s) => !s.unconfirmed);
    if (!first) throw new Error(`no confirmed service in ${ids.join(', ')}`);
    return contactOf(first);
  };

  const report: Record<string, number> = {};
  for (const choice of reporting.start.choices) {
    const paths = choice.next
      ? reporting
          .question(choice.next)
          .choices.map((c) => ({ taps: [choice.label, c.label], route: c.route }))
      : [{ taps: [choice.label], route: choice.route }];
    for (const { taps, route } of paths) {
      if (!route) continue;
      const expected = firstContact(reporting.route(route).services);
      report[`${route}: ${taps.join(' > ')}`] = await turnsTo(
        content,
        [label('report'), ...taps],
        expected,
        true,
      );
    }
  }

  const supportTurns: Record<string, number> = {};
  for (const topic of support.topics) {
    // "Support for young people" already says who it is for.
    const groups = topic.id === 'young-people' ? [undefined] : support.audiences;
    for (const group of groups) {
      const audience = group?.id ?? 'young-people';
      const chosen = selectServices(services, topic.id, audience, topic.related);
      const expected = contactOf(chosen[0] ?? alwaysOpenServices(services, support, audience, [])[0]);
      const taps = [label('support'), topic.label, ...(group ? [group.label] : [])];
      supportTurns[`${topic.id}/${audience}`] = await turnsTo(content, taps, expected, true);
    }
  }

  const typedScripts: [string[], string][] = [
    [['I want to report a hate crime to the police'], '101'],
    [['how do I report a scam'], '0300 123 2040'],
    [['I need support, my partner is abusive', 'anyone'], '0808 2000 247'],
    [['report something anonymously', 'No, I am 18 or over'], '0800 555 111'],
    [['where can I get support for my mental health as a young person'], '0800 1111'],
  ];
  const typed: Record<string, number> = {};
  for (const [script, expected] of typedScripts)
    typed[script.join(' > ')] = await turnsTo(content, script, expected, false);

  // Managing a booking: the reference and email come from the booking made before the chat.
  const booked = async (bot: TestBot) => {
    const bookings = new BookingService(bot.services.store.records, content.workshops, bot.services.now);
    const [first] = await bookings.upcoming();
    if (!first) throw new Error('no upcoming workshop session in knowledge/workshops.yaml');
    const made = await bookings.book({
      sessionId: first.session.id,
      seats: 1,
      attendee: { name: 'Sam Walker', email: 'sam.walker@example.org' },
      submissionKey: 'bench',
      waitingListOk: false,
    });
    if (made.outcome !== 'booked') throw new Error(`could not book for the bench: ${made.outcome}`);
    return { ref: made.ref };
  };
  const manageScripts: [string, string[], string][] = [
    ['cancel', ['please cancel my workshop booking {ref}', 'sam.walker@example.org', 'yes'], 'is cancelled'],
    [
      'cancel, typed at the question',
      ['manage my workshop booking {ref}', 'sam.walker@example.org', 'cancel'],
      'Are you sure',
    ],
    [
      'move',
      ['I need to move my workshop booking {ref}', 'sam.walker@example.org', '1'],
      'Your booking has moved',
    ],
  ];
  const manage: Record<string, number> = {};
  for (const [name, script, expected] of manageScripts)
    manage[name] = await turnsTo(content, script, expected, false, booked);

  const volunteerScripts: [string[], string][] = [
    [['I want to volunteer', 'KT6 7DG', 'Tolworth'], 'how you can help in Tolworth'],
    [['I want to volunteer', 'kt67dg', "I don't know"], 'help anywhere in Kingston'],
    [['I want to volunteer near KT9 2', 'Hook & Chessington North'], 'how you can help in Hook'],
  ];
  const volunteer: Record<string, number> = {};
  for (const [script, expected] of volunteerScripts)
    volunteer[script.join(' > ')] = await turnsTo(content, script, expected, false);

  const all = [
    ...Object.values(report),
    ...Object.values(supportTurns),
    ...Object.values(typed),
    ...Object.values(manage),
    ...Object.values(volunteer),
  ];
  const max = Math.max(...all);
  const notReached = Object.entries({ ...report, ...supportTurns, ...typed, ...manage, ...volunteer })
    .filter(([, turns]) => !Number.isFinite(turns))
    .map(([name]) => name);
  console.log(
    JSON.stringify({
      bench: 'resident-turns',
      target: TARGET,
      situations: all.length,
      // null when some situation never reached its number or link (listed in notReached).
      maxTurns: Number.isFinite(max) ? max : null,
      meanTurns: Number.isFinite(max)
        ? Number((all.reduce((a, b) => a + b, 0) / all.length).toFixed(2))
        : null,
      allWithinTarget: max <= TARGET,
      notReached,
      report,
      support: supportTurns,
      typed,
      manage,
      volunteer,
    }),
  );
}

await main();
