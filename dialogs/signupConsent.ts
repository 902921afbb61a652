// The consent steps both sign-up journeys share: the privacy notice and the consent question on one
// card; on "no", nothing is kept and the journey ends; on "yes", the contact details are asked for
// and handed to the journey's next step. The words are the journey's own, from knowledge/signups.yaml.
import type { ComponentDialog, DialogTurnResult, WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { fillPrivacyText } from '../src/content/privacyLinks.js';
import type { SignupText } from '../src/content/signupText.js';
import { consentMessage } from '../src/signups/consentCard.js';
import { CONTACT_DETAILS_DIALOG, ContactDetailsDialog } from './contactDetailsDialog.js';
import { YesNoPrompt } from './signupPrompts.js';

const WORDING = {
  workshop: (t: SignupText) => ({ notice: t.workshopPrivacy, consent: t.workshopConsent }),
  volunteer: (t: SignupText) => ({ notice: t.volunteerPrivacy, consent: t.volunteerConsent }),
};

export class SignupConsent {
  /** The yes/no prompt's id (unchanged from before the steps were shared, so saved state still fits). */
  private readonly promptId: string;

  constructor(
    private readonly services: BotServices,
    private readonly journey: keyof typeof WORDING,
  ) {
    this.promptId = `${journey}-consent`;
  }

  /** Adds the consent prompt and the contact-details dialog to the journey. */
  addTo(dialog: ComponentDialog): void {
    dialog.addDialog(new YesNoPrompt(this.promptId));
    dialog.addDialog(new ContactDetailsDialog(this.services));
  }

  private get words() {
    return WORDING[this.journey](this.services.content.signups);
  }

  /** Shows the privacy notice and asks for consent. */
  ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { notice, consent } = this.words;
    const { config, content } = this.services;
    return step.prompt(this.promptId, {
      prompt: consentMessage(
        notice.map((p) => fillPrivacyText(p, config)),
        consent.question,
        content.signups.consentAnswers,
        step.context.activity.channelId,
      ),
      retryPrompt: consent.retry,
    });
  }

  /** After the answer: "no" ends the journey with nothing kept; "yes" asks for contact details. */
  async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 'yes') {
      await step.context.sendActivity(this.words.consent.declined);
      return step.endDialog();
    }
    return step.beginDialog(CONTACT_DETAILS_DIALOG);
  }
}
