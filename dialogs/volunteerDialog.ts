// The volunteering journey: which ward (matched forgivingly), what is on offer there, then an
// expression of interest for the coordinator, with consent and contact details. Also deletes an
// interest on request, by reference and email. What it says is in knowledge/signupMessages.yaml
// (volunteer) and knowledge/signups.yaml.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import { z } from 'zod';
import type { BotServices } from '../src/bot/services.js';
import { getUnderstanding, setUnderstanding } from '../src/bot/turnUnderstanding.js';
import { fillTemplate } from '../src/content/templates.js';
import type { VolunteerRole } from '../src/content/volunteering.js';
import type { Ward } from '../src/content/wards.js';
import { checkEmail } from '../src/signups/contactDetails.js';
import { InterestService, WARD_NOT_KNOWN, withdrawInterest } from '../src/signups/interestService.js';
import { PostcodeLookup } from '../src/signups/postcodeLookup.js';
import { parseInterestForm, submittedAction } from '../src/signups/submissions.js';
import { rolesMessage, wardChoiceMessage } from '../src/signups/volunteerCards.js';
import { WardMatcher } from '../src/signups/wardMatcher.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { passOn, reasonToLeave } from './leaveJourney.js';
import { questionMessage, tappedChoice, typedChoice, type ChoiceQuestion } from './choiceQuestion.js';
import type { ContactDetails } from './contactDetailsDialog.js';
import type { JourneyOptions } from './journeyOptions.js';
import { SignupConsent } from './signupConsent.js';
import { CheckedPrompt, keepJourneyFor, SignupPrompt } from './signupPrompts.js';

export const VOLUNTEER_DIALOG = 'volunteer';
const STEPS = 'volunteer-steps';
const WITHDRAW = 'volunteer-withdraw';
const WARD = 'volunteer-ward';
const WARD_CHOICE = 'volunteer-ward-choice';
const ROLE = 'volunteer-role';
const REF = 'volunteer-ref';
const EMAIL = 'volunteer-email';

const wardChoiceSchema = z.object({ action: z.literal('volunteer.ward'), wardId: z.string().max(80) });
const roleChoiceSchema = z.object({ action: z.literal('volunteer.role'), roleId: z.string().max(80) });
const WITHDRAW_WORDS =
  /\b(delete|withdraw|remove|forget|erase)\b.*\b(volunteer\w*|interest|details)\b|\bVI[\s-]?[A-Z2-9]{5}/i;

/** What the ward question found: the wards it may be, and what named them. */
interface WardAnswer {
  ids: string[];
  /** A place name that covers several wards ("New Malden"). */
  name?: string;
  /** The start of a postcode ("KT6 7"), when a postcode named them. */
  postcode?: string;
  /** False when the wards came from an entry of the postcode table not yet checked. */
  confirmed?: boolean;
}

/** The ward question's own answers: the place names people use, then "I don't know". */
const WARD_QUESTION_KEY = 'volunteer:ward';

interface VolunteerValues {
  submissionKey: string;
  wardIds?: string[];
  wardId?: string;
  roleId?: string;
  ref?: string;
}

/** Which offered item a reply names: its number in the list, or words from its name. */
function pickByNumberOrWords<T>(text: string, items: T[], words: (item: T) => string[]): T | undefined {
  const t = text.trim().toLowerCase();
  const num = /^\s*(?:number\s*)?(\d{1,2})\s*[.)]?\s*$/.exec(t);
  if (num) return items[Number(num[1]) - 1];
  const scored = items.map((item) => ({ item, hits: words(item).filter((w) => t.includes(w)).length }));
  const best = Math.max(0, ...scored.map((s) => s.hits));
  const top = scored.filter((s) => s.hits === best && best > 0);
  return top.length === 1 ? top[0].item : undefined;
}

const ROLE_WORDS: Record<string, string[]> = {
  'neighbourhood-watch-member': ['member', 'watch'],
  'neighbourhood-watch-coordinator': ['coordinator', 'co-ordinator', 'run a', 'start a', 'set up'],
  'police-ward-panel': ['panel', 'police'],
  'safer-neighbourhood-board': ['board', 'snb'],
  'community-and-friends-groups': ['friends', 'group', 'park', 'community group'],
  'community-action-days': ['action day', 'day', 'one-off', 'one off'],
};

export class VolunteerDialog extends CancelAndHelpDialog {
  private readonly matcher: WardMatcher;
  private readonly postcodes: PostcodeLookup;
  private readonly interests: InterestService;
  private readonly consent: SignupConsent;

  constructor(services: BotServices) {
    super(VOLUNTEER_DIALOG, services);
    const { content } = services;
    this.matcher = new WardMatcher(content.wards);
    this.postcodes = new PostcodeLookup(content.postcodes);
    this.interests = new InterestService(
      services.store.records,
      content.volunteering,
      content.wards,
      services.now,
      services.config.RETENTION_DAYS,
    );
    this.addDialog(new SignupPrompt(WARD, this.validateWard.bind(this)));
    this.addDialog(new SignupPrompt(WARD_CHOICE, this.validateWardChoice.bind(this)));
    this.addDialog(new SignupPrompt(ROLE, this.validateRole.bind(this)));
    this.consent = new SignupConsent(services, 'volunteer');
    this.consent.addTo(this);
    this.addDialog(
      new SignupPrompt(REF, async (pc) => {
        const m = /\bVI[\s-]*([A-Z2-9]{5})[\s-]*([A-Z2-9]{5})\b/i.exec(pc.context.activity.text ?? '');
        if (m) pc.recognized.value = `VI-${m[1]}-${m[2]}`.toUpperCase();
        return m !== null;
      }),
    );
    this.addDialog(new CheckedPrompt(EMAIL, checkEmail, () => content.signupMessages.contactDetails));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.startStep.bind(this),
        this.wardStep.bind(this),
        this.rolesStep.bind(this),
        this.consentStep.bind(this),
        this.consent.answered.bind(this.consent),
        this.recordStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(WITHDRAW, [
        this.withdrawRefStep.bind(this),
        this.withdrawEmailStep.bind(this),
        this.withdrawStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    keepJourneyFor(innerDc.context, 'volunteer', WITHDRAW_WORDS);
    // "I don't know" at "which ward?" is that question's own answer, not a request for help.
    const understood = getUnderstanding(innerDc.context);
    if (
      innerDc.activeDialog?.id === WARD_CHOICE &&
      understood &&
      this.saysNotKnown(innerDc.context.activity.text ?? '')
    )
      setUnderstanding(innerDc.context, { ...understood, route: VOLUNTEER_DIALOG });
    if (submittedAction(innerDc.context.activity.value) === 'volunteer.interest') {
      await innerDc.cancelAllDialogs();
      const written = await this.recordFromForm(innerDc.context);
      return { status: DialogTurnStatus.complete, result: { completed: written } };
    }
    if (reasonToLeave(innerDc, this.id)) {
      await innerDc.context.sendActivity(
        this.services.content.signupMessages.contactDetails.stoppedForQuestion,
      );
      return passOn(innerDc, this.services.recogniser);
    }
    return super.onContinueDialog(innerDc);
  }

  private values(step: WaterfallStepContext): VolunteerValues {
    return step.values as VolunteerValues;
  }

  private get words() {
    return this.services.content.signupMessages.volunteer;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    if (submittedAction(context.activity.value) === 'volunteer.interest')
      return step.endDialog({ completed: await this.recordFromForm(context) });
    const utterance = ((step.options ?? {}) as JourneyOptions).utterance ?? '';
    if (WITHDRAW_WORDS.test(utterance)) return step.replaceDialog(WITHDRAW, { utterance });
    this.values(step).submissionKey = randomUUID();
    await context.sendActivity(this.services.content.signups.volunteerIntro.join('\n\n'));
    const linked = ((step.options ?? {}) as JourneyOptions).start?.ward;
    if (linked && this.services.content.wards.get(linked)) return step.next({ ids: [linked] });
    const found = this.readWard(utterance);
    if (found && found !== 'outside') return step.next(found);
    if (found === 'outside') await context.sendActivity(this.words.postcodeOutside);
    const question = this.wardQuestion();
    return step.prompt(WARD, {
      prompt: questionMessage(this.words.askWard, question, context.activity.channelId),
      retryPrompt: this.words.wardRetry,
      validations: question,
    });
  }

  private wardQuestion(): ChoiceQuestion {
    const places = this.services.content.wards.places.map((p) => ({ id: `place:${p.name}`, label: p.name }));
    return {
      key: WARD_QUESTION_KEY,
      choices: [...places, { id: WARD_NOT_KNOWN, ...this.words.wardNotKnown }],
    };
  }

  private saysNotKnown(text: string): boolean {
    const notKnown = [{ id: WARD_NOT_KNOWN, ...this.words.wardNotKnown }];
    return typedChoice(text, { key: WARD_QUESTION_KEY, choices: notKnown }) !== undefined;
  }

  /** The wards typed words name: a postcode first (from the postcode table), then a ward or place. */
  private readWard(text: string): WardAnswer | 'outside' | undefined {
    const postcode = this.postcodes.find(text);
    if (postcode?.kind === 'outside') return 'outside';
    if (postcode) return { ids: postcode.wardIds, postcode: postcode.area, confirmed: postcode.confirmed };
    const match = this.matcher.match(text);
    if (match.kind === 'ward') return { ids: [match.ward.id] };
    if (match.kind === 'several') return { ids: match.wards.map((w) => w.id) };
    return undefined;
  }

  private async validateWard(pc: PromptValidatorContext<string>): Promise<boolean> {
    const question = pc.options.validations as ChoiceQuestion;
    const text = pc.context.activity.text ?? '';
    const tapped = tappedChoice(pc.context.activity.value, question);
    const answer: WardAnswer | 'outside' | undefined =
      tapped?.id === WARD_NOT_KNOWN || (!tapped && this.saysNotKnown(text))
        ? { ids: [] }
        : this.readWard(tapped ? tapped.label : text);
    if (answer && answer !== 'outside') {
      pc.recognized.value = JSON.stringify(answer);
      return true;
    }
    // Asked twice with no match: never a third time. The roles open to all of Kingston follow.
    if (pc.attemptCount >= 2) {
      await pc.context.sendActivity(this.words.wardGiveUp);
      pc.recognized.value = JSON.stringify({ ids: [] } satisfies WardAnswer);
      return true;
    }
    await pc.context.sendActivity(
      answer === 'outside' ? this.words.postcodeOutside : this.words.wardNotFound,
    );
    return false;
  }

  private async wardStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = (typeof step.result === 'string' ? JSON.parse(step.result) : step.result) as WardAnswer;
    const ids = found.ids;
    const values = this.values(step);
    values.wardIds = ids;
    if (ids.length === 0) return step.next(WARD_NOT_KNOWN);
    if (ids.length === 1 && found.confirmed !== false) return step.next(ids[0]);
    const wards = this.wards(ids);
    const area = { name: found.name ?? this.matcher.labelFor(wards), postcode: found.postcode };
    return step.prompt(WARD_CHOICE, {
      prompt: wardChoiceMessage(area, wards, this.words, step.context.activity.channelId),
      retryPrompt: this.words.wardChoiceRetry,
      validations: ids,
    });
  }

  private wards(ids: string[]): Ward[] {
    return ids.map((id) => this.services.content.wards.get(id)).filter((w): w is Ward => w !== undefined);
  }

  private async validateWardChoice(pc: PromptValidatorContext<string>): Promise<boolean> {
    const ids = pc.options.validations as string[];
    const value: unknown = pc.context.activity.value;
    if (value !== undefined && submittedAction(value) !== undefined) {
      const parsed = wardChoiceSchema.safeParse(value);
      const offered = ids.includes(parsed.data?.wardId ?? '') || parsed.data?.wardId === WARD_NOT_KNOWN;
      if (!parsed.success || !offered) {
        await pc.context.sendActivity(this.words.wardNotOffered);
        return false;
      }
      pc.recognized.value = parsed.data.wardId;
      return true;
    }
    const text = pc.context.activity.text ?? '';
    if (this.saysNotKnown(text) || pc.attemptCount >= 2) {
      // Asked twice with no match: never a third time.
      if (!this.saysNotKnown(text)) await pc.context.sendActivity(this.words.wardGiveUp);
      pc.recognized.value = WARD_NOT_KNOWN;
      return true;
    }
    const wards = this.wards(ids);
    const byNumber = pickByNumberOrWords(text, wards, () => []);
    const match = this.matcher.match(text);
    const chosen =
      byNumber ?? (match.kind === 'ward' && ids.includes(match.ward.id) ? match.ward : undefined);
    if (chosen) pc.recognized.value = chosen.id;
    return chosen !== undefined;
  }

  private async rolesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.wardId = String(step.result);
    const ward = this.services.content.wards.get(values.wardId);
    if (!ward && values.wardId !== WARD_NOT_KNOWN) return step.endDialog();
    // Without a ward, only the roles open to all of Kingston can be offered.
    const roles = this.services.content.volunteering.forWard().filter((r) => ward || r.scope === 'borough');
    return step.prompt(ROLE, {
      prompt: rolesMessage(roles, ward, this.words, step.context.activity.channelId),
      retryPrompt: this.words.roleRetry,
      validations: roles.map((r) => r.id),
    });
  }

  private async validateRole(pc: PromptValidatorContext<string>): Promise<boolean> {
    const ids = pc.options.validations as string[];
    const value: unknown = pc.context.activity.value;
    if (value !== undefined && submittedAction(value) !== undefined) {
      const parsed = roleChoiceSchema.safeParse(value);
      if (!parsed.success || !ids.includes(parsed.data.roleId)) {
        await pc.context.sendActivity(this.words.roleNotOffered);
        return false;
      }
      pc.recognized.value = parsed.data.roleId;
      return true;
    }
    const roles = ids
      .map((id) => this.services.content.volunteering.get(id))
      .filter((r): r is VolunteerRole => r !== undefined);
    const chosen = pickByNumberOrWords(
      pc.context.activity.text ?? '',
      roles,
      (r) => ROLE_WORDS[r.id] ?? [r.name.toLowerCase()],
    );
    if (chosen) pc.recognized.value = chosen.id;
    return chosen !== undefined;
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).roleId = String(step.result);
    return this.consent.ask(step);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const contact = step.result as ContactDetails;
    const outcome = await this.interests.record({
      roleId: String(values.roleId),
      wardId: String(values.wardId),
      contact,
      consent: true,
      submissionKey: values.submissionKey,
    });
    const ref = outcome.outcome === 'recorded' ? outcome.ref : undefined;
    if (outcome.outcome === 'recorded' && !outcome.repeated)
      await this.services.insights.record({
        type: 'interest',
        ward: String(values.wardId),
        role: String(values.roleId),
      });
    await this.tellRecorded(step.context, ref, values.roleId);
    // Ending the journey drops the contact details from conversation state.
    return step.endDialog({ completed: ref !== undefined });
  }

  private async tellRecorded(
    context: TurnContext,
    ref: string | undefined,
    roleId: string | undefined,
  ): Promise<void> {
    if (!ref) {
      await context.sendActivity(this.words.notSaved);
      return;
    }
    // A reference means the interest was recorded, which happens only for a role in the content.
    const role = this.services.content.volunteering.get(String(roleId))?.name ?? String(roleId);
    await context.sendActivity(fillTemplate(this.words.recorded, { role, ref }));
  }

  /** Records from the one-step form; true when an interest was written. */
  private async recordFromForm(context: TurnContext): Promise<boolean> {
    const form = parseInterestForm(context.activity.value, this.services.content);
    if (!form.ok) {
      await context.sendActivity(form.problem);
      return false;
    }
    const outcome = await this.interests.record({
      roleId: form.roleId,
      wardId: form.wardId,
      contact: { name: form.name, email: form.email, ...(form.phone ? { phone: form.phone } : {}) },
      consent: true,
      submissionKey: form.submissionKey,
    });
    const ref = outcome.outcome === 'recorded' ? outcome.ref : undefined;
    if (outcome.outcome === 'recorded' && !outcome.repeated)
      await this.services.insights.record({ type: 'interest', ward: form.wardId, role: form.roleId });
    await this.tellRecorded(context, ref, form.roleId);
    return ref !== undefined;
  }

  private async withdrawRefStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = /\bVI[\s-]*([A-Z2-9]{5})[\s-]*([A-Z2-9]{5})\b/i.exec(
      String((step.options as JourneyOptions).utterance),
    );
    if (m) return step.next(`VI-${m[1]}-${m[2]}`.toUpperCase());
    return step.prompt(REF, { prompt: this.words.askReference, retryPrompt: this.words.referenceRetry });
  }

  private withdrawEmailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).ref = String(step.result);
    const question = this.words.askEmail;
    return step.prompt(EMAIL, { prompt: question, retryPrompt: question });
  }

  private async withdrawStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const deleted = await withdrawInterest(
      this.services.store.records,
      String(this.values(step).ref),
      String(step.result),
    );
    await step.context.sendActivity(deleted ? this.words.deleted : this.words.notFound);
    return step.endDialog({ completed: deleted });
  }
}
