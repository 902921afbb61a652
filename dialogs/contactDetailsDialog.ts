// Asks for name, email and (optionally) phone, each checked with a clear re-prompt on bad input.
// Returns the details to the journey, which writes its record and then ends, so the details do
// not stay in conversation state.
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import { SignupPrompt } from './signupPrompts.js';
import { checkEmail, checkName, checkPhone, isSkip, type Checked } from '../src/signups/contactDetails.js';

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

function validator(check: (text: string) => Checked<string> | 'skip') {
  return async (pc: PromptValidatorContext<string>) => {
    const result = check(pc.context.activity.text ?? '');
    if (result === 'skip') {
      pc.recognized.value = '';
      return true;
    }
    if (!result.ok) {
      await pc.context.sendActivity(result.problem);
      return false;
    }
    pc.recognized.value = result.value;
    return true;
  };
}

export class ContactDetailsDialog extends ComponentDialog {
  constructor() {
    super(CONTACT_DETAILS_DIALOG);
    this.addDialog(new SignupPrompt(NAME, validator(checkName)));
    this.addDialog(new SignupPrompt(EMAIL, validator(checkEmail)));
    this.addDialog(
      new SignupPrompt(
        PHONE,
        validator((t) => (isSkip(t) ? 'skip' : checkPhone(t))),
      ),
    );
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

  private nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(NAME, { prompt: 'What is your name?', retryPrompt: 'What is your name?' });
  }

  private emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).name = step.result;
    const question = 'What is your email address?';
    return step.prompt(EMAIL, { prompt: question, retryPrompt: question });
  }

  private phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).email = step.result;
    const question = 'What is your phone number? This is optional: type "skip" if you would rather not say.';
    return step.prompt(PHONE, { prompt: question, retryPrompt: 'Type a UK phone number, or "skip".' });
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
