// Builds the plan journey's cards: the browse menu (priorities, themes, other topics), a topic
// with its passages (a priority with its commitments), and single answers.
import type { AdaptiveCard } from '../cards/cards.js';
import { answerCard, choiceCard, menuChoice, notKnownCard, topicChoice, type Choice } from './planCards.js';
import type { PlanAction } from './planActions.js';
import { sourceLine, type PlanAnswer, type PlanGuide } from './planGuide.js';
import type { PlanWording, Topic } from './schema.js';
import type { JourneyRoute } from '../content/conversation.js';

export class PlanResponder {
  constructor(private readonly guide: PlanGuide) {}

  private get wording(): PlanWording {
    return this.guide.knowledge.wording;
  }

  menu(): AdaptiveCard {
    const w = this.wording;
    const choices: Choice[] = [
      { label: w.browsePriorities, action: { planAction: 'priorities' } },
      { label: w.browseThemes, action: { planAction: 'themes' } },
      { label: w.browseTopics, action: { planAction: 'topics' } },
    ];
    return choiceCard({ text: w.intro }, w.chooseTopic, choices, w);
  }

  priorities(): AdaptiveCard {
    const overview = this.guide.findTopic('priorities-overview');
    const intro = overview?.passages[0];
    return choiceCard(
      { heading: intro?.heading, text: intro?.text ?? this.wording.choosePriority },
      this.wording.choosePriority,
      this.guide.priorities().map(topicChoice),
      this.wording,
      'topic',
      [menuChoice(this.wording)],
    );
  }

  themes(): AdaptiveCard {
    const overview = this.guide.findTopic('cross-cutting-themes');
    const intro = overview?.passages[1] ?? overview?.passages[0];
    return choiceCard(
      { heading: intro?.heading, text: intro?.text ?? this.wording.chooseTheme },
      this.wording.chooseTheme,
      this.guide.themes().map(topicChoice),
      this.wording,
      'topic',
      [menuChoice(this.wording)],
    );
  }

  /** Every topic that is not a priority or a theme, by title. */
  topics(): AdaptiveCard {
    const others = this.guide.topics.filter((t) => !t.group).sort((a, b) => a.title.localeCompare(b.title));
    return choiceCard(
      { text: this.wording.intro },
      this.wording.chooseTopic,
      others.map(topicChoice),
      this.wording,
      'topic',
      [menuChoice(this.wording)],
    );
  }

  /** A topic's opening passage, then its other passages (a priority's commitments) to choose. */
  topic(topic: Topic): AdaptiveCard {
    const [first, ...rest] = topic.passages;
    if (rest.length === 0) return this.answer(this.guide.answerWith(first));
    const prompt = topic.group === 'priority' ? this.wording.chooseCommitment : this.wording.choosePassage;
    return choiceCard(
      {
        heading: first.heading,
        text: `${first.text}\n\n${this.wording.sourcePrefix} ${sourceLine(topic)}`,
      },
      prompt,
      rest.map((p) => ({ label: p.heading, action: { planAction: 'passage', id: p.id } })),
      this.wording,
      'passage',
      [...topic.related.slice(0, 2).map((id) => topicChoice(this.guide.topic(id))), menuChoice(this.wording)],
    );
  }

  /** An answer card; `offer` adds a button for the resident journey the question came close to. */
  answer(answer: PlanAnswer, offer?: JourneyRoute): AdaptiveCard {
    const extra =
      offer && offer !== 'themes' ? [{ label: this.wording.otherJourney[offer], journey: offer }] : [];
    return answerCard(answer, this.wording, extra);
  }

  notKnown(closest: Topic[], where?: string): AdaptiveCard {
    return notKnownCard(closest, this.wording, where);
  }

  /** The card for a button press, or undefined when its id names nothing in the plan. */
  act(action: PlanAction): AdaptiveCard | undefined {
    switch (action.planAction) {
      case 'menu':
        return this.menu();
      case 'priorities':
        return this.priorities();
      case 'themes':
        return this.themes();
      case 'topics':
        return this.topics();
      case 'topic': {
        const topic = this.guide.findTopic(action.id);
        return topic && this.topic(topic);
      }
      case 'passage': {
        const passage = this.guide.findPassage(action.id);
        return passage && this.answer(this.guide.answerWith(passage));
      }
    }
  }
}
