// The consent card both sign-up journeys show: the privacy notice, the question, and yes/no buttons
// (the words come from knowledge/signups.yaml). Channels without cards get the text.
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardMessage } from '../cards/cards.js';
import type { SignupText } from '../content/signupText.js';

export function consentMessage(
  notice: string[],
  question: string,
  answers: SignupText['consentAnswers'],
  channelId?: string,
): Partial<Activity> {
  const body = [
    ...notice.map((p) => ({ type: 'TextBlock', text: p, wrap: true })),
    { type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' },
  ];
  const actions = [
    { type: 'Action.Submit', title: answers.yes, data: { action: 'signup.consent', consent: true } },
    { type: 'Action.Submit', title: answers.no, data: { action: 'signup.consent', consent: false } },
  ];
  return cardMessage(
    adaptiveCard(body, actions, [...notice, `${question} ${answers.typeHint}`].join('\n\n')),
    channelId,
  );
}
