// "What do you hold about me?" and "delete my data": by reference and email, the person sees what
// the sign-ups hold and can erase it at once. Every message links to the full privacy notice.
import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { fillPrivacyText, type PrivacyPlaceholder } from '../src/content/privacyLinks.js';
import type { Template } from '../src/content/templates.js';
import { checkEmail } from '../src/signups/contactDetails.js';
import { eraseHeld, findHeld, type HeldData } from '../src/signups/personalData.js';
import { findReference } from '../src/signups/references.js';
import { escapeMarkdown } from '../src/text/markdown.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import type { JourneyOptions } from './journeyOptions.js';
import { CheckedPrompt, keepJourneyFor, SignupPrompt, YesNoPrompt } from './signupPrompts.js';

export const PRIVACY_DIALOG = 'privacy';
const CHOICE = 'privacy-choice';
const REFERENCE = 'privacy-reference';
const EMAIL = 'privacy-email';
const OFFER_DELETE = 'privacy-offer-delete';
const CONFIRM = 'privacy-confirm';

const WANTS_DELETE = /\b(delete|erase|remove|forget|wipe|get rid of)\b/i;
const WANTS_SEE = /\b(hold|have|keep|stored?|see|what (data|info|information|details))\b/i;
const VOLUNTEER_REF = /\bVI[\s-]*([A-Z2-9]{5})[\s-]*([A-Z2-9]{5})\b/i;

type Goal = 'see' | 'delete';

/** Kept only while the dialog runs; it ends (and the state with it) after a few turns. */
interface PrivacyValues {
  goal?: Goal;
  ref?: string;
  email?: string;
}

const valuesOf = (step: WaterfallStepContext) => step.values as PrivacyValues;

function readReference(text: string): string | undefined {
  const volunteer = VOLUNTEER_REF.exec(text.toUpperCase());
  return volunteer ? `VI-${volunteer[1]}-${volunteer[2]}` : findReference(text);
}

export class PrivacyDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super(PRIVACY_DIALOG, services);
    this.addDialog(
      new SignupPrompt(CHOICE, async (pc) => {
        const { see, delete: del, done } = this.words.choices;
        const text = (pc.recognized.value ?? '').trim().toLowerCase();
        const choice = [see, del, done].find((c) => c.toLowerCase() === text);
        pc.recognized.value = choice ?? (WANTS_DELETE.test(text) ? del : WANTS_SEE.test(text) ? see : '');
        return pc.recognized.value !== '';
      }),
    );
    this.addDialog(
      new SignupPrompt(REFERENCE, async (pc) => {
        const ref = readReference(pc.recognized.value ?? '');
        if (!ref) {
          await pc.context.sendActivity(this.words.badReference);
          return false;
        }
        pc.recognized.value = ref;
        return true;
      }),
    );
    this.addDialog(
      new CheckedPrompt(EMAIL, checkEmail, () => this.services.content.signupMessages.contactDetails),
    );
    const answers = () => services.content.signupMessages.answers;
    this.addDialog(new YesNoPrompt(OFFER_DELETE, answers));
    this.addDialog(new YesNoPrompt(CONFIRM, answers));
    this.addDialog(
      new WaterfallDialog(`${PRIVACY_DIALOG}-steps`, [
        this.introStep.bind(this),
        this.referenceStep.bind(this),
        this.emailStep.bind(this),
        this.findStep.bind(this),
        this.confirmStep.bind(this),
        this.eraseStep.bind(this),
      ]),
    );
    this.initialDialogId = `${PRIVACY_DIALOG}-steps`;
  }

  private get words() {
    return this.services.content.privacyJourney;
  }

  /** Every privacy message links to the full notice. */
  private withNotice(text: Template<PrivacyPlaceholder>): string {
    return fillPrivacyText(text, this.services.config);
  }

  override async onContinueDialog(innerDc: Parameters<CancelAndHelpDialog['onContinueDialog']>[0]) {
    // A reference or an email address is an answer here, never a request for help; and "delete"
    // is what this journey is for, not a request to stop.
    keepJourneyFor(innerDc.context, PRIVACY_DIALOG, WANTS_DELETE);
    return super.onContinueDialog(innerDc);
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const utterance = (step.options as JourneyOptions | undefined)?.utterance ?? '';
    await step.context.sendActivity(this.withNotice(this.words.intro));
    if (WANTS_DELETE.test(utterance)) return step.next(this.words.choices.delete);
    if (/\b(what|which)\b.*\b(hold|have|keep|know)\b/i.test(utterance))
      return step.next(this.words.choices.see);
    const { see, delete: del, done } = this.words.choices;
    const prompt = MessageFactory.suggestedActions([see, del, done], this.words.choose);
    return step.prompt(CHOICE, { prompt });
  }

  private async referenceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = String(step.result);
    if (choice === this.words.choices.done) {
      await step.context.sendActivity(this.withNotice(this.words.finished));
      return step.endDialog({ completed: true });
    }
    valuesOf(step).goal = choice === this.words.choices.delete ? 'delete' : 'see';
    return step.prompt(REFERENCE, { prompt: this.words.askReference });
  }

  private async emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).ref = String(step.result);
    return step.prompt(EMAIL, { prompt: this.words.askEmail });
  }

  private async findStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = valuesOf(step);
    values.email = String(step.result);
    const { store, content, now } = this.services;
    const held = await findHeld(store.records, content, values.ref!, values.email, now);
    if (!held) {
      await step.context.sendActivity(this.withNotice(this.words.notFound));
      return step.endDialog({ completed: false });
    }
    await step.context.sendActivity(this.describe(held));
    const question = values.goal === 'delete' ? this.words.confirmDelete : this.words.offerDelete;
    return step.prompt(values.goal === 'delete' ? CONFIRM : OFFER_DELETE, {
      prompt: MessageFactory.suggestedActions(['Yes', 'No'], question),
    });
  }

  /** After "see", a yes to deleting still asks once more, since erasure cannot be undone. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = valuesOf(step);
    if (step.result !== 'yes') return this.keep(step);
    if (values.goal === 'delete') return step.next('yes');
    values.goal = 'delete';
    return step.prompt(CONFIRM, {
      prompt: MessageFactory.suggestedActions(['Yes', 'No'], this.words.confirmDelete),
    });
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 'yes') return this.keep(step);
    const { ref, email } = valuesOf(step);
    const { store, content, now, notifier } = this.services;
    const erased = await eraseHeld(store.records, content, ref!, email!, now, notifier);
    await step.context.sendActivity(this.withNotice(erased ? this.words.deleted : this.words.nothingDeleted));
    return step.endDialog({ completed: erased });
  }

  private async keep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.withNotice(this.words.kept));
    return step.endDialog({ completed: true });
  }

  /** What is held, with every value the person gave escaped so it shows exactly as typed. */
  private describe(held: HeldData): string {
    const lines = held.facts.map(([label, value]) => `- ${label}: ${escapeMarkdown(value)}`);
    return `${this.words.heldIntro}\n\n${lines.join('\n')}`;
  }
}
