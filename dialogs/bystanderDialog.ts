// Bystander training: a short explanation of the 5Ds and Ask for Angela, then local scenarios where
// the person picks what they would do and hears back, safety first. Progress is kept per user and
// channel, so they can pause and carry on later; at the end, a summary to keep and an offer to
// join a workshop or volunteer.
import type { TurnContext } from 'botbuilder';
import {
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { getUnderstanding, setUnderstanding } from '../src/bot/turnUnderstanding.js';
import { techniquesCard, summaryCard } from '../src/cards/bystanderCards.js';
import { cardMessage } from '../src/cards/cards.js';
import type { Course, Scenario } from '../src/content/bystander.js';
import { fillTemplate } from '../src/content/templates.js';
import { mentionsAny, type MatchableChoice } from '../src/content/matchChoice.js';
import type { FeedbackResult } from './feedbackDialog.js';
import type { JourneyOptions } from './journeyOptions.js';
import { ResidentJourneyDialog } from './residentJourneyDialog.js';
import { BACK, backChoice, ChoiceTextPrompt, choicePromptOptions, PAUSE } from './choiceQuestion.js';
import {
  BystanderProgressStore,
  doneCount,
  nextUnanswered,
  type BystanderProgress,
} from './bystanderProgress.js';
import { menuMessage } from './menu.js';

export const BYSTANDER_DIALOG = 'bystander';
const FLOW = 'bystander-flow';
const CHOICE = 'bystander-choice';

type Stage =
  | { stage: 'witness' }
  | { stage: 'welcome-back' }
  | { stage: 'intro' }
  | { stage: 'scenario'; index: number }
  | { stage: 'summary' };

const CARRY_ON = 'carry-on';
const WITNESS_REPORT = 'witness-report';
const WITNESS_COURSE = 'witness-course';
const WITNESS_SUPPORT = 'witness-support';
const START_AGAIN = 'start-again';
const SUMMARY = 'summary';
const BEGIN = 'begin';

export class BystanderDialog extends ResidentJourneyDialog {
  private readonly progress: BystanderProgressStore;

  constructor(services: BotServices) {
    super(BYSTANDER_DIALOG, services);
    this.progress = new BystanderProgressStore(services);
    this.addDialog(new ChoiceTextPrompt(CHOICE));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private get content() {
    return this.services.content.bystander;
  }

  private get pauseChoice(): MatchableChoice {
    return { id: PAUSE, ...this.content.course.buttons.pause };
  }

  /** Cancel ends the journey as everywhere; here it also says that progress is kept. */
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const understood = getUnderstanding(innerDc.context);
    if (understood?.route === 'cancel' && understood.score >= 0.6 && !this.isAnswerToQuestion(innerDc)) {
      const progress = await this.progress.get(innerDc.context);
      if (Object.keys(progress.answers).length && !progress.finishedAt)
        await innerDc.context.sendActivity(this.fill(this.content.course.paused, progress));
    }
    return super.onContinueDialog(innerDc);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const stage = (step.options as Partial<Stage> | undefined)?.stage
      ? (step.options as Stage)
      : this.isWitnessStory((step.options as JourneyOptions | undefined)?.utterance)
        ? ({ stage: 'witness' } satisfies Stage)
        : await this.firstStage(step.context);
    (step.values as { stage: Stage }).stage = stage;
    const progress = await this.progress.get(step.context);
    const { course, techniques } = this.content;
    switch (stage.stage) {
      case 'witness': {
        const { witness } = course;
        const choices = [
          { id: WITNESS_REPORT, ...witness.report },
          { id: WITNESS_COURSE, ...witness.course },
          { id: WITNESS_SUPPORT, ...witness.support },
        ];
        const question = { key: 'bystander:witness', choices };
        return step.prompt(
          CHOICE,
          choicePromptOptions(witness.text, question, step.context.activity.channelId),
        );
      }
      case 'welcome-back': {
        const { carryOn, startAgain, seeSummary } = course.buttons;
        const choices = progress.finishedAt
          ? [
              { id: START_AGAIN, ...startAgain },
              { id: SUMMARY, ...seeSummary },
            ]
          : [
              { id: CARRY_ON, ...carryOn },
              { id: START_AGAIN, ...startAgain },
            ];
        const text = this.fill(
          progress.finishedAt ? course.welcomeBackFinished : course.welcomeBack,
          progress,
        );
        const question = { key: 'bystander:welcome-back', choices };
        return step.prompt(CHOICE, choicePromptOptions(text, question, step.context.activity.channelId));
      }
      case 'intro': {
        const { channelId } = step.context.activity;
        await step.context.sendActivity(`${course.intro}\n\n${course.safetyFirst}`);
        await step.context.sendActivity(
          cardMessage(techniquesCard(course.techniquesTitle, techniques), channelId),
        );
        await this.progress.set(step.context, { ...progress, introSeen: true });
        const choices = [{ id: BEGIN, ...course.buttons.begin }, this.pauseChoice];
        const question = { key: 'bystander:intro', choices };
        return step.prompt(
          CHOICE,
          choicePromptOptions(this.fill(course.ready, progress), question, channelId),
        );
      }
      case 'scenario':
        return this.askScenario(step, stage.index);
      case 'summary':
        await this.showSummary(step.context, progress);
        return step.endDialog({ completed: true });
    }
  }

  private async askScenario(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    const scenarios = this.content.scenarios;
    const scenario = scenarios[index];
    const header = `Situation ${index + 1} of ${scenarios.length}: ${scenario.title}\n\n${scenario.place}`;
    const text = `${header}\n\n${scenario.situation}\n\n${this.content.course.question}`;
    const choices = [...scenario.options, backChoice, this.pauseChoice];
    return step.prompt(
      CHOICE,
      choicePromptOptions(
        text,
        { key: `bystander:${scenario.id}`, choices, extraKeywords: this.techniqueWords(scenario) },
        step.context.activity.channelId,
      ),
    );
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { stage } = step.values as { stage: Stage };
    const answer = step.result as string;
    const progress = await this.progress.get(step.context);
    const total = this.content.scenarios.length;

    if (answer === PAUSE) {
      const { conversation } = this.services.content;
      await step.context.sendActivity(
        menuMessage(conversation, this.fill(this.content.course.paused, progress)),
      );
      return step.endDialog({ completed: false });
    }
    if (answer === START_AGAIN) {
      await this.progress.set(step.context, { introSeen: true, answers: {} });
      return step.replaceDialog(FLOW, { stage: 'scenario', index: 0 } satisfies Stage);
    }
    if (answer === WITNESS_REPORT || answer === WITNESS_SUPPORT) {
      // The main dialog opens that journey, as if its menu button had been pressed.
      const route = answer === WITNESS_REPORT ? 'report' : 'support';
      setUnderstanding(step.context, { route, score: 1, alternatives: [] });
      return step.endDialog({ passOn: true } satisfies FeedbackResult);
    }
    if (answer === WITNESS_COURSE) return step.replaceDialog(FLOW, await this.firstStage(step.context));
    if (answer === SUMMARY) return step.replaceDialog(FLOW, { stage: 'summary' } satisfies Stage);
    if (answer === CARRY_ON || answer === BEGIN)
      return step.replaceDialog(FLOW, {
        stage: 'scenario',
        index: nextUnanswered(progress, this.content.scenarios),
      } satisfies Stage);
    if (stage.stage !== 'scenario') return step.replaceDialog(FLOW, stage);

    if (answer === BACK)
      return step.replaceDialog(
        FLOW,
        (stage.index === 0
          ? { stage: 'intro' }
          : { stage: 'scenario', index: stage.index - 1 }) satisfies Stage,
      );

    const scenario = this.content.scenarios[stage.index];
    const option = scenario.options.find((o) => o.id === answer);
    if (!option) return step.replaceDialog(FLOW, stage);
    const updated: BystanderProgress = {
      ...progress,
      answers: { ...progress.answers, [scenario.id]: option.id },
    };
    await this.progress.set(step.context, updated);

    const technique = this.content.techniques.find((t) => t.id === option.technique);
    const lines = [option.feedback];
    if (technique) lines.push(`That is "${technique.name}".`);
    lines.push(this.fill(this.content.course.progress, updated));
    await step.context.sendActivity(lines.join('\n\n'));

    const next = stage.index + 1 < total ? stage.index + 1 : nextUnanswered(updated, this.content.scenarios);
    return step.replaceDialog(
      FLOW,
      (next < total ? { stage: 'scenario', index: next } : { stage: 'summary' }) satisfies Stage,
    );
  }

  /** A story of something seen ("saw a lad getting battered..."), not a request for the training. */
  private isWitnessStory(utterance: string | undefined): boolean {
    if (!utterance) return false;
    const { storyWords, courseWords } = this.content.course.witness;
    return mentionsAny(utterance, storyWords) && !mentionsAny(utterance, courseWords);
  }

  private async firstStage(context: TurnContext): Promise<Stage> {
    const progress = await this.progress.get(context);
    if (progress.finishedAt || doneCount(progress, this.content.scenarios) > 0)
      return { stage: 'welcome-back' };
    return { stage: 'intro' };
  }

  /** The summary to keep; its buttons open a workshop or volunteering (the feedback question follows). */
  private async showSummary(context: TurnContext, progress: BystanderProgress): Promise<void> {
    const { course, techniques } = this.content;
    await this.progress.set(context, { ...progress, finishedAt: this.services.now().toISOString() });
    const next = this.services.content.conversation.journeys.filter(
      (j) => j.route === 'workshop' || j.route === 'volunteer',
    );
    const card = summaryCard(course.summaryTitle, course.summaryIntro, techniques, course.offer, next);
    await context.sendActivity(cardMessage(card, context.activity.channelId));
  }

  /** A technique's name counts as a keyword for the option that uses it, when only one does. */
  private techniqueWords(scenario: Scenario): Record<string, string[]> {
    const words: Record<string, string[]> = {};
    for (const option of scenario.options) {
      const technique = this.content.techniques.find((t) => t.id === option.technique);
      const shared = scenario.options.filter((o) => o.technique === option.technique).length > 1;
      if (technique && !shared) words[option.id] = [technique.name, technique.id];
    }
    return words;
  }

  private fill(text: Course['progress'], progress: BystanderProgress): string {
    const label =
      this.services.content.conversation.journeys.find((j) => j.route === 'bystander')?.label ?? '';
    return fillTemplate(text, {
      done: doneCount(progress, this.content.scenarios),
      total: this.content.scenarios.length,
      journey: label,
    });
  }
}
