// A passage's heading is what the search treats as the question it answers, and what Teams users
// see on buttons, so it must read as a question someone would ask ("How is progress reported?").
// Commitments keep their code and name instead ("2c. Reduce the impact of serious organised crime").
// knowledge:check lists every heading that is neither.
import type { Topic } from './schema.js';

const QUESTION_START =
  /^(?:what|what's|which|who|whose|how|why|when|where|does|do|did|is|are|can|could|will|would|should|has|have|must)\b/i;
const COMMITMENT = /^[1-4][a-l]\.\s/;

/** True when a heading reads as a question someone would ask, or names a commitment by code. */
export function isQuestionHeading(heading: string): boolean {
  const text = heading.trim();
  return COMMITMENT.test(text) || (QUESTION_START.test(text) && text.includes('?'));
}

/** One line per passage whose heading is not a question, naming the file and the heading. */
export function headingWarnings(topics: readonly Topic[]): string[] {
  return topics.flatMap((topic) =>
    topic.passages
      .filter((p) => !isQuestionHeading(p.heading))
      .map(
        (p) =>
          `plan/${topic.id}.md passage "${p.heading}": write the heading as a question someone would ask (like "How is progress reported?")`,
      ),
  );
}
