// A small keyword recogniser: a stand-in until the trained recogniser replaces it, and a
// predictable recogniser for tests of the conversation plumbing.
import type { Recogniser, RecogniserResult, Route } from './types.js';

const KEYWORDS: [Route, RegExp][] = [
  ['cancel', /^(cancel|stop|quit|exit|start over|start again|restart|main menu|menu)\b/i],
  ['help', /^(help|what can you do|\?)\b/i],
  ['greeting', /^(hi|hello|hey|good (morning|afternoon|evening))\b/i],
  ['goodbye', /^(bye|goodbye|thanks,? bye|see you)\b/i],
  ['bystander', /\b(bystander|witness|5ds?|intervene)\b/i],
  ['workshop', /\b(workshop|training session|book)\b/i],
  ['volunteer', /\b(volunteer|neighbourhood watch|ward panel)\b/i],
  ['report', /\b(report|crimestoppers)\b/i],
  ['support', /\b(support|helpline|someone to talk)\b/i],
  ['themes', /\b(plan|priorit(y|ies)|theme)\b/i],
  ['privacy', /\b(my data|my details|personal data|privacy|delete|hold about me)\b/i],
];

export class KeywordRecogniser implements Recogniser {
  recognise(text: string): RecogniserResult {
    const hits = KEYWORDS.filter(([, pattern]) => pattern.test(text.trim())).map(([route]) => route);
    if (hits.length === 0) return { route: 'out_of_scope', score: 0.2, alternatives: [] };
    const [route, ...rest] = hits;
    return { route, score: 0.9, alternatives: rest.map((r) => ({ route: r, score: 0.5 })) };
  }
}
