// Where to get support: narrows the services directory by topic and by who the support is for
// (skipping what the opening words already said), shows two to four services as cards, and always
// offers the services open all day and night.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { cardsMessage } from '../src/cards/cards.js';
import { alwaysOpenCard, serviceCard } from '../src/cards/serviceCard.js';
import { fillTemplate } from '../src/content/templates.js';
import { matchChoice } from '../src/content/matchChoice.js';
import type { Audience, Topic } from '../src/content/services.js';
import { alwaysOpenServices, selectServices } from '../src/content/supportSelection.js';
import { ResidentJourneyDialog } from './residentJourneyDialog.js';
import { BACK, backChoice, ChoiceTextPrompt, choicePromptOptions } from './choiceQuestion.js';
import type { JourneyOptions } from './journeyOptions.js';

export const SUPPORT_DIALOG = 'support';
const FLOW = 'support-flow';
const CHOICE = 'support-choice';

interface FlowState {
  topic?: Topic;
  audience?: Audience;
  /** True once the topic question was shown, so it is asked again without the introduction. */
  askedTopic?: boolean;
}

interface StepValues {
  state: FlowState;
  asking: 'topic' | 'audience';
}

export class SupportDialog extends ResidentJourneyDialog {
  constructor(services: BotServices) {
    super(SUPPORT_DIALOG, services);
    this.addDialog(new ChoiceTextPrompt(CHOICE));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private get guide() {
    return this.services.content.support;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.flowState(step.options as FlowState & JourneyOptions & { loop?: boolean });
    const values = step.values as StepValues;
    values.state = state;
    if (!state.topic) {
      values.asking = 'topic';
      const text = state.askedTopic
        ? this.guide.topicPrompt
        : `${this.guide.intro}\n\n${this.guide.topicPrompt}`;
      const question = { key: 'support:topic', choices: this.guide.topics };
      return step.prompt(CHOICE, choicePromptOptions(text, question, step.context.activity.channelId));
    }
    if (!state.audience) {
      values.asking = 'audience';
      const choices = [...this.guide.audiences, backChoice];
      const question = { key: 'support:audience', choices };
      const text = [this.topic(state.topic)?.happeningNow, this.guide.audiencePrompt]
        .filter(Boolean)
        .join('\n\n');
      return step.prompt(CHOICE, choicePromptOptions(text, question, step.context.activity.channelId));
    }
    await this.showServices(step.context, state.topic, state.audience);
    return step.endDialog({ completed: true });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { state, asking } = step.values as StepValues;
    const answer = step.result as string;
    if (answer === BACK) return step.replaceDialog(FLOW, { loop: true, askedTopic: true });
    const next: FlowState =
      asking === 'topic'
        ? // "Support for young people" already says who it is for.
          {
            ...state,
            topic: answer as Topic,
            askedTopic: true,
            ...(answer === 'young-people' ? { audience: 'young-people' as const } : {}),
          }
        : { ...state, audience: answer as Audience };
    return step.replaceDialog(FLOW, { ...next, loop: true });
  }

  /** On the first entry, takes the topic and the group from the opening words where they are clear. */
  private flowState(options: (FlowState & JourneyOptions & { loop?: boolean }) | undefined): FlowState {
    if (options?.loop)
      return { topic: options.topic, audience: options.audience, askedTopic: options.askedTopic };
    // A deep link may name the topic and group, e.g. ?journey=support&topic=fraud; unknown values are ignored.
    const linkedTopic = this.guide.topics.find((t) => t.id === options?.start?.topic)?.id;
    const linkedAudience = this.guide.audiences.find((a) => a.id === options?.start?.audience)?.id;
    if (linkedTopic)
      return {
        topic: linkedTopic,
        audience: linkedTopic === 'young-people' ? 'young-people' : linkedAudience,
      };
    const opening = options?.utterance ?? '';
    // "Anyone" is never assumed from opening words like "help me": the question is asked instead.
    const groups = this.guide.audiences.filter((a) => a.id !== 'everyone');
    const audience = matchChoice(opening, groups, {}, { byPosition: false })?.id;
    // "a young person" names the group; the topic is then whatever else they said, if anything.
    const topics =
      audience === 'young-people'
        ? this.guide.topics.filter((t) => t.id !== 'young-people')
        : this.guide.topics;
    const topic = matchChoice(opening, topics, {}, { byPosition: false })?.id;
    if (topic === 'young-people' || (audience === 'young-people' && !topic))
      return { topic: topic ?? 'young-people', audience: 'young-people' };
    return { topic, audience };
  }

  private topic(id: Topic) {
    return this.guide.topics.find((t) => t.id === id);
  }

  private async showServices(context: TurnContext, topic: Topic, audience: Audience): Promise<void> {
    const { services } = this.services.content;
    const chosen = selectServices(services, topic, audience, this.topic(topic)?.related);
    const open = alwaysOpenServices(services, this.guide, audience, chosen);
    const about = this.topic(topic)?.about ?? topic;
    // Where the situation can be happening now, 999 comes before any service.
    const intro = [
      this.topic(topic)?.happeningNow,
      chosen.length ? fillTemplate(this.guide.servicesIntro, { topic: about }) : this.guide.noServices,
      audience === 'professionals' ? this.guide.professionalNote : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const cards = [...chosen.map(serviceCard), alwaysOpenCard(this.guide.alwaysOpenTitle, open)];
    // The main dialog asks "Did this help?" next, and any journey can be chosen from there.
    await context.sendActivity(cardsMessage(cards, context.activity.channelId, intro));
  }
}
