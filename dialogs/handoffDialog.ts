// "Can I talk to a person?": says in one sentence what staff will see and asks first. With a yes,
// the request goes to the staff desk and the resident waits (and can go back to the bot at any
// time, see HandoffTurns). Out of hours, or with no desk set up, the right phone line instead.
import { EventFactory, MessageFactory } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import { getTurnSource } from '../src/bot/conversationSource.js';
import type { BotServices } from '../src/bot/services.js';
import { fillTemplate } from '../src/content/templates.js';
import { memoryAccess, type HandoffMemory } from '../src/handoff/handoffTurn.js';
import { chatAddressOf } from '../src/signups/chatAddress.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import type { FeedbackResult } from './feedbackDialog.js';

export const HANDOFF_DIALOG = 'handoff';
const CONSENT_PROMPT = 'handoff-consent';

export class HandoffDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super(HANDOFF_DIALOG, services);
    this.addDialog(new TextPrompt(CONSENT_PROMPT, async () => true));
    this.addDialog(
      new WaterfallDialog(`${HANDOFF_DIALOG}-steps`, [this.askStep.bind(this), this.requestStep.bind(this)]),
    );
    this.initialDialogId = `${HANDOFF_DIALOG}-steps`;
  }

  private get text() {
    return this.services.content.handoff;
  }

  private async memory(step: WaterfallStepContext): Promise<HandoffMemory> {
    return (await memoryAccess(step.context)?.get(step.context, {})) ?? {};
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { handoff } = this.services;
    const { resident } = this.text;
    const availability = await handoff.availability();
    const { journey } = await this.memory(step);
    if (availability !== 'open') {
      const lead =
        availability === 'closed'
          ? fillTemplate(resident.outOfHours, { hours: this.text.hoursText })
          : resident.noDesk;
      await step.context.sendActivities(handoff.otherWays(lead, journey));
      return step.endDialog();
    }
    const prompt = MessageFactory.suggestedActions([resident.yes, resident.no], resident.consent);
    return step.prompt(CONSENT_PROMPT, { prompt });
  }

  private async requestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { resident } = this.text;
    const answer = String(step.result ?? '')
      .trim()
      .toLowerCase();
    const yes = answer === resident.yes.toLowerCase() || /^(y|yes|yeah|yep|ok|okay|please)\b/.test(answer);
    const no = answer === resident.no.toLowerCase() || /^(n|no|nope|nah|no thanks)\b/.test(answer);
    if (no) {
      await step.context.sendActivity(resident.declined);
      return step.endDialog();
    }
    // Anything else is a new question: the main dialog routes it.
    if (!yes) return step.endDialog({ passOn: true } satisfies FeedbackResult);
    const { context } = step;
    const address = chatAddressOf(context.activity);
    const memory = await this.memory(step);
    const request = address
      ? await this.services.handoff.request({
          resident: address,
          channel: context.activity.channelId,
          ...(getTurnSource(context) ? { source: getTurnSource(context) } : {}),
          ...(memory.journey ? { journey: memory.journey } : {}),
          ...(memory.question ? { question: memory.question } : {}),
        })
      : undefined;
    if (!request) {
      await context.sendActivities(this.services.handoff.otherWays(resident.noDesk, memory.journey));
      return step.endDialog();
    }
    await memoryAccess(context)?.set(context, { ...memory, requestId: request.id });
    // The open standard's hand-off event: a contact-centre connector could take the chat from
    // here. It carries what the desk card shows, never a transcript.
    const initiation = EventFactory.createHandoffInitiation(context, {
      requestId: request.id,
      channel: request.channel,
      source: request.source,
      journey: request.journey,
      question: request.question,
    });
    await context.sendActivities([
      initiation,
      MessageFactory.suggestedActions([resident.back], resident.waiting),
    ]);
    return step.endDialog();
  }
}
