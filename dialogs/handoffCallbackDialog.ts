// "Ask them to contact me": when nobody can chat, the resident may leave their first name, email
// (and phone if they like) and a short message. Consent first, saying what is kept and for how
// long; the record is written before the resident is told its reference; the desk is told the
// reference (the details themselves stay in the store and the staff export).
import { MessageFactory } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { fillTemplate } from '../src/content/templates.js';
import { CALLBACK_MESSAGE_MAX } from '../src/handoff/callbacks.js';
import { memoryAccess } from '../src/handoff/handoffTurn.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { CONTACT_DETAILS_DIALOG, ContactDetailsDialog, type ContactDetails } from './contactDetailsDialog.js';
import { YesNoPrompt } from './signupPrompts.js';

export const CALLBACK_DIALOG = 'handoff-callback';
const CONSENT = 'handoff-callback-consent';
const MESSAGE = 'handoff-callback-message';

export class HandoffCallbackDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super(CALLBACK_DIALOG, services);
    this.addDialog(new YesNoPrompt(CONSENT));
    this.addDialog(new ContactDetailsDialog(services));
    this.addDialog(new TextPrompt(MESSAGE, async (pc) => Boolean(pc.recognized.value?.trim())));
    this.addDialog(
      new WaterfallDialog(`${CALLBACK_DIALOG}-steps`, [
        this.consentStep.bind(this),
        this.detailsStep.bind(this),
        this.messageStep.bind(this),
        this.saveStep.bind(this),
      ]),
    );
    this.initialDialogId = `${CALLBACK_DIALOG}-steps`;
  }

  private get words() {
    return this.services.content.handoff.resident;
  }

  private consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = fillTemplate(this.words.callbackConsent, { days: this.services.config.RETENTION_DAYS });
    return step.prompt(CONSENT, { prompt: MessageFactory.suggestedActions(['Yes', 'No'], text) });
  }

  private async detailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 'yes') {
      await step.context.sendActivity(this.words.callbackDeclined);
      return step.endDialog();
    }
    return step.beginDialog(CONTACT_DETAILS_DIALOG);
  }

  private messageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as { contact?: ContactDetails }).contact = step.result as ContactDetails;
    return step.prompt(MESSAGE, { prompt: this.words.callbackMessage });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { contact } = step.values as { contact: ContactDetails };
    const memory = (await memoryAccess(step.context)?.get(step.context, {})) ?? {};
    const { handoff } = this.services;
    const record = await handoff.callbacks.record({
      contact,
      message: String(step.result).trim().slice(0, CALLBACK_MESSAGE_MAX),
      channel: step.context.activity.channelId,
      ...(memory.journey ? { journey: memory.journey } : {}),
    });
    await step.context.sendActivity(fillTemplate(this.words.callbackSaved, { ref: record.ref }));
    await handoff.count('callback_requested', { channel: record.channel });
    await handoff.postCallback(record);
    // The details are in the record now: nothing of them stays in this dialog's state.
    delete (step.values as { contact?: ContactDetails }).contact;
    return step.endDialog();
  }
}
