// The safeguarding matcher: the content of knowledge/safeguarding/ compiled once into a token trie,
// then each message tokenised once and walked from every word. Work per message is bounded by its
// length (each start walks at most the longest phrase), so a 10,000-character message stays cheap.
// Misspellings of longer hazard words are found through a precomputed one-deletion index.
import { LOWERING_KINDS, type CrisisContent, type HazardId, type LoweringKind } from './crisisContent.js';
import { crisisTokens, SENTENCE_END, withShorthand, type Tokens } from './crisisTokens.js';

export type CrisisLevel = 'certain' | 'possible' | 'none';

export interface CrisisCheck {
  level: CrisisLevel;
  hazard?: HazardId;
  /** Why, as content ids and phrases (never the message): for the eval tool and tests. */
  reasons: string[];
  /** A lowering word (hypothetical, past and safe, fiction, topic, professional) applied. */
  lowered: boolean;
  /** How many words the message had. */
  words: number;
}

type Role = 'certain' | 'needsNow' | 'weak' | 'current' | 'present' | 'urgent' | 'lower' | 'idiom';

interface Entry {
  role: Role;
  hazard?: HazardId;
  kind?: LoweringKind;
  /** Not lowered by anything but an idiom. */
  sticky: boolean;
  source: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  any?: TrieNode;
  /** "*ing": any one word with that ending ("is *ing" matches "is swinging", "are assaulting"). */
  endings?: [string, TrieNode][];
  gap?: TrieNode;
  entries: Entry[];
}

interface Match {
  entry: Entry;
  start: number;
  end: number;
}

const GAP_WORDS = 5;
/** A phrase word written "*ing" or "*ed": any word with that ending. */
const ENDING = /^\*[a-z]{2,4}$/;
/** Dropped g's, as typed: "followin", "beatin", "bein" (read by character codes: this runs on every word). */
const endsInIn = (word: string) =>
  word.length >= 4 && word.charCodeAt(word.length - 1) === 110 && word.charCodeAt(word.length - 2) === 105;
const MAX_REASONS = 12;
/** Messages this short ("fire", "he's got a knife") count as current without a present-tense word. */
const SHORT_MESSAGE_WORDS = 4;
/** Misspellings are looked for only in longer words, where one wrong letter rarely makes another word. */
const MIN_FUZZY_LENGTH = 7;
const MAX_FUZZY_LENGTH = 20;

/**
 * Lowering kinds that speak for the whole message ("... but he's home safe now", "I'm a teacher.
 * ..."); the others (a hypothetical, a topic question) only for their own sentence.
 */
const KIND_BIT = new Map(LOWERING_KINDS.map((k, i) => [k, 1 << i]));
const bitsOf = (kinds: LoweringKind[]) => kinds.reduce((bits, k) => bits | (KIND_BIT.get(k) ?? 0), 0);
const WHOLE_MESSAGE = bitsOf(['past-safe', 'fiction-game', 'professional']);
/**
 * Lowering kinds that only soften: one of them turns the full reply into the short 999 line ("my
 * sister was raped, how do I support her"); two of them, or a word the hazard needs to be current,
 * take it away ("help for a friend who was spiked"). A hazard's own current words undo them.
 */
const SOFT = bitsOf(['past', 'support-question', 'report-question']);
/** Whole-message kinds that, from another sentence, still soften one that says "now". */
const STILL_SOFTENS_NOW = bitsOf(['professional', 'fiction-game']);

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}

const kindNames = (bits: number) => LOWERING_KINDS.filter((k) => bits & (KIND_BIT.get(k) ?? 0)).join(', ');

const node = (): TrieNode => ({ next: new Map(), entries: [] });

/** The -s, -ed, -ing forms of a word, so content lists "stab" and "stabbed" and "stabbing" match. */
export function inflections(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
  // Already a form of its own ("stabbed", "killing", "pills"): written as the editor wants it.
  if (/(ed|ing|s)$/.test(word) && word.length >= 5) return [word];
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}ing`]);
  if (word.endsWith('e')) {
    forms.add(`${word}d`);
    forms.add(`${word.slice(0, -1)}ing`);
  }
  if (word.endsWith('y')) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(word)) {
    const last = word[word.length - 1];
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return [...forms];
}

const prefixCode = (word: string) =>
  (word.charCodeAt(0) * 65536 + word.charCodeAt(1)) * 65536 + word.charCodeAt(2);

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class CrisisMatcher {
  private readonly root = node();
  private readonly vocabulary = new Set<string>();
  /** Words as content writes them (no generated forms): the only targets for misspellings. */
  private readonly written = new Set<string>();
  /** "position:word-without-that-letter" -> word, for one wrong or missing letter. */
  private readonly deletionIndex = new Map<string, string>();
  private readonly known: ReadonlySet<string>;
  private readonly fuzzy: boolean;
  /** The first three letters of every content word that may be misspelt, as numbers (no string made per word). */
  private readonly prefixes = new Set<number>();
  private readonly groups: Record<string, string[]>;
  private readonly spellings: ReadonlyMap<string, string[]>;

  constructor(
    content: CrisisContent,
    /**
     * Real words (the classifier's vocabulary) that are never treated as misspellings. Without
     * them, misspellings are not looked for: "alright" must not be read as "alight".
     */
    knownWords?: Iterable<string>,
  ) {
    this.groups = content.groups;
    this.spellings = withShorthand(
      new Map(Object.entries(content.spellings).map(([k, v]) => [k, v.split(' ')])),
    );
    for (const hazard of content.hazards) {
      for (const p of hazard.certain)
        this.add(p, { role: 'certain', hazard: hazard.id }, `${hazard.id}.certain`);
      for (const p of hazard.needsNow)
        this.add(p, { role: 'needsNow', hazard: hazard.id }, `${hazard.id}.needsNow`);
      for (const p of hazard.weak) this.add(p, { role: 'weak', hazard: hazard.id }, `${hazard.id}.weak`);
      for (const p of hazard.current)
        this.add(p, { role: 'current', hazard: hazard.id }, `${hazard.id}.current`);
    }
    for (const [kind, list] of Object.entries(content.lowering.kinds) as [LoweringKind, string[]][])
      for (const p of list) this.add(p, { role: 'lower', kind }, `lowering.${kind}`);
    for (const p of content.lowering.idioms) this.add(p, { role: 'idiom' }, 'lowering.idioms');
    for (const p of content.raising.urgent) this.add(p, { role: 'urgent' }, 'raising.urgent');
    for (const p of content.raising.current) this.add(p, { role: 'current' }, 'raising.current');
    for (const p of content.raising.present) this.add(p, { role: 'present' }, 'raising.present');
    this.fuzzy = knownWords !== undefined;
    const known = new Set(knownWords ?? []);
    for (const word of this.vocabulary) known.delete(word);
    for (const word of this.written) {
      if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word)) continue;
      this.prefixes.add(prefixCode(word));
      deletions(word).forEach((d, i) => {
        if (!this.deletionIndex.has(`${i}:${d}`)) this.deletionIndex.set(`${i}:${d}`, word);
        if (!this.deletionIndex.has(d)) this.deletionIndex.set(d, word);
      });
    }
    this.known = known;
  }

  private add(text: string, entry: Omit<Entry, 'sticky' | 'source'>, where: string): void {
    const group = /\{([a-z-]+)\}/.exec(text);
    if (group) {
      // Group members are written out in full by the editor: matched as written, so a phrase with
      // two groups does not multiply into every -s, -ed and -ing form of both.
      for (const member of this.groups[group[1]] ?? []) {
        const exact = member
          .split(/\s+/)
          .map((w) => (w.startsWith('=') ? w : `=${w}`))
          .join(' ');
        this.add(text.replace(group[0], exact), entry, where);
      }
      return;
    }
    const sticky = text.startsWith('!');
    const body = sticky ? text.slice(1) : text;
    // The same tokeniser as for messages, so content is written as people write.
    // Only the first word of a phrase gets its -s, -ed and -ing forms ("kill myself", "killing
    // myself"): later words are matched as written, which keeps the trie small.
    const parts = body.split(/\s+/).flatMap((part, index) => {
      if (part === '...' || part === '*' || ENDING.test(part)) return [[part]];
      const exact = part.startsWith('=') || index > 0;
      return crisisTokens(part.replace(/^=/, ''), this.spellings)
        .words.filter((w) => w !== SENTENCE_END)
        .map((w) => {
          this.written.add(w);
          return exact ? [w] : inflections(w);
        });
    });
    if (parts.length === 0) return;
    const full: Entry = { ...entry, sticky, source: `${where}: ${body}` };
    let frontier: TrieNode[] = [this.root];
    for (const forms of parts) {
      const nextFrontier: TrieNode[] = [];
      for (const at of frontier) {
        if (forms[0] === '...') nextFrontier.push((at.gap ??= node()));
        else if (forms[0] === '*') nextFrontier.push((at.any ??= node()));
        else if (ENDING.test(forms[0])) {
          const ending = forms[0].slice(1);
          at.endings ??= [];
          let child = at.endings.find(([e]) => e === ending)?.[1];
          if (!child) at.endings.push([ending, (child = node())]);
          nextFrontier.push(child);
        } else
          for (const form of forms) {
            this.vocabulary.add(form);
            let child = at.next.get(form);
            if (!child) at.next.set(form, (child = node()));
            nextFrontier.push(child);
          }
      }
      frontier = nextFrontier;
    }
    for (const end of frontier) end.entries.push(full);
  }

  /** A misspelt hazard word ("stabed", "overdoze") as the word it most likely is. */
  private corrected(word: string): string {
    if (endsInIn(word) && !this.vocabulary.has(word) && this.vocabulary.has(`${word}g`)) return `${word}g`;
    if (!this.fuzzy || word.length < MIN_FUZZY_LENGTH - 1 || word.length > MAX_FUZZY_LENGTH) return word;
    // A misspelling keeps its first three letters far more often than not: a cheap first filter.
    if (!this.prefixes.has(prefixCode(word)) || this.vocabulary.has(word) || this.known.has(word))
      return word;
    // One letter missing ("stabed"): the word is a deletion of a content word.
    const missingLetter = this.deletionIndex.get(word);
    if (missingLetter && missingLetter[0] === word[0]) return missingLetter;
    for (let i = 1; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      // One letter too many ("overdosse").
      if (d.length >= MIN_FUZZY_LENGTH && this.written.has(d)) return d;
      // One letter wrong, in the same place ("overdoze").
      const wrong = word.length >= MIN_FUZZY_LENGTH ? this.deletionIndex.get(`${i}:${d}`) : undefined;
      if (wrong) return wrong;
    }
    return word;
  }

  private matches(words: string[]): Match[] {
    const found: Match[] = [];
    const walk = (at: TrieNode, pos: number, start: number): void => {
      if (at !== this.root) for (const entry of at.entries) found.push({ entry, start, end: pos });
      if (pos < words.length && words[pos] !== SENTENCE_END) {
        const child = at.next.get(words[pos]);
        if (child) walk(child, pos + 1, start);
        if (at.any) walk(at.any, pos + 1, start);
        if (at.endings)
          for (const [ending, child] of at.endings) {
            const w = words[pos];
            if (w.length > ending.length + 1 && w.endsWith(ending)) walk(child, pos + 1, start);
          }
      }
      if (at.gap)
        for (let k = 0; k <= GAP_WORDS && pos + k <= words.length; k++) {
          if (k > 0 && words[pos + k - 1] === SENTENCE_END) break;
          walk(at.gap, pos + k, start);
        }
    };
    for (let start = 0; start < words.length; start++) {
      // Phrases never start with a gap, so most words stop at the first look-up.
      const child = this.root.next.get(words[start]);
      if (child) walk(child, start + 1, start);
    }
    return found;
  }

  /**
   * The words of a message that this content knows (hazard, lowering and raising words), in order:
   * what may be kept briefly as context for the next message. Names, emails, numbers and anything
   * else personal are not content words, so they are never kept.
   */
  contentWords(text: string): string {
    return crisisTokens(text, this.spellings)
      .words.filter((w) => w !== SENTENCE_END && this.vocabulary.has(w))
      .join(' ');
  }

  check(text: string): CrisisCheck {
    const tokens: Tokens = crisisTokens(text, this.spellings);
    // Corrected in place: the token list is this call's own.
    const words = tokens.words;
    for (let i = 0; i < words.length; i++) words[i] = this.corrected(words[i]);
    const all = this.matches(words);
    // Idioms and lowering phrases cover their own words: a cue inside one ("kill me" in "my boss
    // will kill me", "now" in "I'm safe now") does not count. Other words are untouched. For each
    // start, the furthest end of a cover starting there or before, so the test is linear.
    const n = words.length;
    const idiomEnd = new Int32Array(n + 1).fill(-1);
    const lowerEnd = new Int32Array(n + 1).fill(-1);
    for (const m of all) {
      if (m.entry.role === 'idiom') idiomEnd[m.start] = Math.max(idiomEnd[m.start], m.end);
      else if (m.entry.role === 'lower') lowerEnd[m.start] = Math.max(lowerEnd[m.start], m.end);
    }
    const lowerEndBefore = new Int32Array(n + 1).fill(-1);
    for (let i = 1; i <= n; i++) {
      idiomEnd[i] = Math.max(idiomEnd[i], idiomEnd[i - 1]);
      lowerEndBefore[i] = Math.max(lowerEndBefore[i - 1], lowerEnd[i - 1]);
      lowerEnd[i] = Math.max(lowerEnd[i], lowerEnd[i - 1]);
    }
    const coveredByIdiom = (m: Match) => idiomEnd[m.start] >= m.end;
    // A lowering phrase hides only what it strictly contains ("what should I do" in "what should I do if").
    const coveredByLowering = (m: Match) =>
      !m.entry.sticky && (lowerEnd[m.start] > m.end || lowerEndBefore[m.start] >= m.end);
    const live: Match[] = [];
    let idiomHidHazard = false;
    for (const m of all) {
      const { role } = m.entry;
      if (role === 'idiom' || role === 'lower') live.push(m);
      else if (coveredByIdiom(m)) idiomHidHazard ||= m.entry.hazard !== undefined;
      else if (!coveredByLowering(m)) live.push(m);
    }
    const reasons: string[] = [];
    // An idiom tells the classifier to hold back, whether or not it hid a hazard word ("I could
    // strangle my brother"): the words it covers are figurative, and the matcher still sees the rest.
    let lowered = idiomHidHazard || live.some((m) => m.entry.role === 'idiom');
    const loweredIn = new Map<number, number>();
    let loweredEverywhere = 0;
    let urgent = false;
    let currentShared = false;
    const currentFor = new Set<HazardId>();
    /** Sentences that say something is happening now ("he is coming up the stairs", "still"). */
    const currentSentences = new Set<number>();
    for (const m of live) {
      const { role } = m.entry;
      if (role === 'lower') {
        const bit = KIND_BIT.get(m.entry.kind as LoweringKind) ?? 0;
        if (bit & WHOLE_MESSAGE) loweredEverywhere |= bit;
        const s = tokens.sentence[m.start];
        loweredIn.set(s, (loweredIn.get(s) ?? 0) | bit);
      } else if (role === 'urgent') urgent = true;
      else if (role === 'current') {
        if (m.entry.hazard) currentFor.add(m.entry.hazard);
        else currentShared = true;
      } else if (role === 'present') {
        currentShared = true;
        currentSentences.add(tokens.sentence[m.start]);
      }
    }
    let wordCount = 0;
    for (const w of words) if (w !== SENTENCE_END && w !== '!') wordCount++;
    const short = wordCount <= SHORT_MESSAGE_WORDS;
    let best: CrisisCheck = { level: 'none', reasons, lowered: false, words: wordCount };
    for (const m of live) {
      const { role, hazard } = m.entry;
      if (!hazard || (role !== 'certain' && role !== 'needsNow' && role !== 'weak')) continue;
      const sentence = tokens.sentence[m.start];
      const ownKinds = loweredIn.get(sentence) ?? 0;
      // A lowering word elsewhere in the message ("last year we missed two weeks", "on the xbox")
      // does not reach a sentence that says it is happening now; a professional's or a story's
      // framing there still softens it to the short line.
      const elsewhere = loweredEverywhere & ~ownKinds;
      const kinds = currentSentences.has(sentence)
        ? ownKinds | (elsewhere & STILL_SOFTENS_NOW ? (KIND_BIT.get('past') ?? 0) : 0)
        : ownKinds | loweredEverywhere;
      const hard = m.entry.sticky || urgent ? 0 : kinds & ~SOFT;
      const softKinds = urgent || currentFor.has(hazard) ? 0 : kinds & SOFT;
      const soft = bitCount(softKinds);
      const current = urgent || currentShared || currentFor.has(hazard) || short;
      let level: CrisisLevel =
        role === 'certain' || (role === 'needsNow' && current) ? 'certain' : 'possible';
      if (hard || soft > 1 || (soft === 1 && level === 'possible')) {
        lowered = true;
        if (reasons.length < MAX_REASONS) reasons.push(`lowered (${kindNames(kinds)}): ${m.entry.source}`);
        continue;
      }
      if (soft === 1) {
        level = 'possible';
        lowered = true;
      }
      if (reasons.length < MAX_REASONS)
        reasons.push(`${level}: ${m.entry.source}${soft ? ` (softened: ${kindNames(softKinds)})` : ''}`);
      if (best.level === 'none' || (best.level === 'possible' && level === 'certain'))
        best = { level, hazard, reasons, lowered: false, words: wordCount };
      // The first emergency found is enough: the rest of a long message need not be weighed.
      if (best.level === 'certain') break;
    }
    best.lowered = lowered && best.level !== 'certain';
    return best;
  }
}
