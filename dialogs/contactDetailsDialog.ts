// Asks for name, email and (optionally) phone, each checked with a clear re-prompt on bad input.
// Returns the details to the journey, which writes its record and then ends, so the details do
// not stay in conversation state. The words are in knowledge/signupMessages.yaml (contactDetails).
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { checkEmail, checkName, checkPhone, isSkip } from '../src/signups/contactDetails.js';
import { CheckedPrompt } from './signupPrompts.js';

export const CONTACT_DETAILS_DIALOG = 'signup-contact';
const STEPS = 'signup-contact-steps';
const NAME = 'signup-contact-name';
const EMAIL = 'signup-contact-email';
const PHONE = 'signup-contact-phone';

export interface ContactDetails {
  name: string;
  email: string;
  phone?: string;
}

const valuesOf = (step: WaterfallStepContext) => step.values as Record<string, unknown>;

export class ContactDetailsDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(CONTACT_DETAILS_DIALOG);
    const words = () => this.words;
    this.addDialog(new CheckedPrompt(NAME, checkName, words));
    this.addDialog(new CheckedPrompt(EMAIL, checkEmail, words));
    this.addDialog(new CheckedPrompt(PHONE, (t) => (isSkip(t) ? 'skip' : checkPhone(t)), words));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.nameStep.bind(this),
        this.emailStep.bind(this),
        this.phoneStep.bind(this),
        this.doneStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private get words() {
    return this.services.content.signupMessages.contactDetails;
  }

  private nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const question = this.words.askName;
    return step.prompt(NAME, { prompt: question, retryPrompt: question });
  }

  private emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).name = step.result;
    const question = this.words.askEmail;
    return step.prompt(EMAIL, { prompt: question, retryPrompt: question });
  }

  private phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).email = step.result;
    return step.prompt(PHONE, { prompt: this.words.askPhone, retryPrompt: this.words.phoneRetry });
  }

  private doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const phone = String(step.result ?? '');
    const details: ContactDetails = {
      name: String(valuesOf(step).name),
      email: String(valuesOf(step).email),
      ...(phone ? { phone } : {}),
    };
    return step.endDialog(details);
  }
}
