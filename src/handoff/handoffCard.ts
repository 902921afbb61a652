// The card a hand-off request puts on the staff desk in Teams (Adaptive Card 1.5): where the
// resident came from, what they were doing, their last unanswered question with personal data
// removed, when they started waiting, and Accept. The Accept press comes back as a message with
// { handoff: 'accept', requestId }: untrusted, parsed by acceptValueSchema.
import { z } from 'zod';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from '../cards/cards.js';
import { fillTemplate } from '../content/templates.js';
import type { HandoffContent } from './handoffContent.js';
import type { HandoffRequest } from './handoffRecords.js';

export const acceptValueSchema = z
  .object({ handoff: z.literal('accept'), requestId: z.string().regex(/^[a-f0-9]{24}$/) })
  .strict();

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Teams shows card text as markdown: a resident's words must not become links or formatting. */
function plain(text: string): string {
  return text
    .replace(/[\\`*_[\]()<>#|~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function channelLabel(
  desk: HandoffContent['desk'],
  request: Pick<HandoffRequest, 'channel' | 'source'>,
): string {
  if (request.source) return desk.channels.embedded ?? request.channel;
  return desk.channels[request.channel] ?? request.channel;
}

export function requestCard(
  desk: HandoffContent['desk'],
  request: HandoffRequest,
  journeyLabel: string | undefined,
): AdaptiveCard {
  const facts = [
    { title: desk.channel, value: channelLabel(desk, request) },
    ...(request.source ? [{ title: desk.source, value: request.source }] : []),
    { title: desk.journey, value: journeyLabel ?? desk.noQuestion },
    { title: desk.question, value: request.question ? plain(request.question) : desk.noQuestion },
  ];
  const waiting = fillTemplate(desk.waiting, { time: londonClock.format(new Date(request.createdAt)) });
  const fallback = [desk.title, ...facts.map((f) => `${f.title}: ${f.value}`), waiting].join('\n');
  return adaptiveCard(
    [
      textBlock(desk.title, { weight: 'Bolder', size: 'Medium', heading: true }),
      factSet(facts),
      textBlock(waiting, { isSubtle: true }),
    ],
    [
      {
        type: 'Action.Submit',
        title: desk.accept,
        data: { handoff: 'accept', requestId: request.id } satisfies z.infer<typeof acceptValueSchema>,
      },
    ],
    fallback,
  );
}
