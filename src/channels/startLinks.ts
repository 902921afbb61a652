// Links that open a chosen journey (/chat?journey=workshop&session=ID&source=CODE), the embed
// widget's data- attributes and the web page's join event all name a journey, its options and a
// source code. Everything arrives from the browser, so it is parsed here, once, against an allowlist
// built from the content: journey routes, and for each journey the options it reads and the ids
// its content knows (sessions, wards, plan topics...). Anything else is refused.
import { z } from 'zod';
import { JOURNEY_ROUTES, type JourneyRoute } from '../content/conversation.js';
import type { Content } from '../content/content.js';
import { SOURCE_CODE } from '../insights/insights.js';

/** The event the web page sends when it connects: value { journey?, source?, ...options }. */
export const JOIN_EVENT = 'webchat/join';

export interface StartChoice {
  id: string;
  label: string;
}

/** One option of a journey: its name in links, the key the journey reads in JourneyOptions.start. */
export interface StartParam {
  param: string;
  startKey: string;
  /** For the staff links page. */
  label: string;
  /** The values the content allows, as [id, label]. */
  choices(content: Content): StartChoice[];
  /** Turns an accepted spelling into the id (e.g. a ward's name into its id). */
  normalise?(content: Content, value: string): string | undefined;
}

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const START_PARAMS: Record<JourneyRoute, readonly StartParam[]> = {
  bystander: [],
  privacy: [],
  workshop: [
    {
      param: 'session',
      startKey: 'sessionId',
      label: 'Workshop session',
      choices: (content) =>
        content.workshops.all.map((s) => ({ id: s.id, label: `${s.title}, ${londonDate.format(s.start)}` })),
    },
  ],
  volunteer: [
    {
      param: 'ward',
      startKey: 'ward',
      label: 'Ward',
      choices: (content) => content.wards.all.map((w) => ({ id: w.id, label: w.name })),
      // A poster may say ?ward=Canbury Gardens: accept the ward's name or an alias as well as its id.
      normalise: (content, value) => {
        const wanted = value.trim().toLowerCase();
        return content.wards.all.find(
          (w) =>
            w.id === wanted ||
            w.name.toLowerCase() === wanted ||
            w.aliases.some((a) => a.toLowerCase() === wanted),
        )?.id;
      },
    },
  ],
  report: [
    {
      param: 'route',
      startKey: 'route',
      label: 'What to report',
      choices: (content) => content.reporting.routes.map((r) => ({ id: r.id, label: r.title })),
    },
  ],
  support: [
    {
      param: 'topic',
      startKey: 'topic',
      label: 'Support topic',
      choices: (content) => content.support.topics.map((t) => ({ id: t.id, label: t.label })),
    },
    {
      param: 'audience',
      startKey: 'audience',
      label: 'Who it is for',
      choices: (content) => content.support.audiences.map((a) => ({ id: a.id, label: a.label })),
    },
  ],
  themes: [
    {
      param: 'topic',
      startKey: 'topic',
      label: 'Plan topic',
      choices: (content) => content.plan.topics.map((t) => ({ id: t.id, label: t.title })),
    },
    {
      param: 'passage',
      startKey: 'passage',
      label: 'Plan passage',
      choices: (content) =>
        content.plan.topics.flatMap((t) =>
          t.passages.map((p) => ({ id: p.id, label: `${t.title}: ${p.heading}` })),
        ),
    },
  ],
};

/** What a link or join event asked for, once checked. */
export interface ParsedStart {
  journey?: JourneyRoute;
  /** Values for JourneyOptions.start, keyed as the journey reads them. */
  start: Record<string, string>;
  source?: string;
  /** The names (never the values; an unknown name is 'other') of refused fields, for the log. */
  refused: string[];
}

/** The raw shape: a flat object of short strings, as a link's query gives it. */
const rawStartSchema = z
  .record(z.string().max(40), z.string().max(200))
  .refine((value) => Object.keys(value).length <= 12, 'too many fields');

const KNOWN_PARAMS = new Set(Object.values(START_PARAMS).flatMap((ps) => ps.map((p) => p.param)));

const isJourney = (value: string): value is JourneyRoute =>
  (JOURNEY_ROUTES as readonly string[]).includes(value);

/** Checks a join event's value (or a link's query) against the allowlist. Never throws. */
export function parseStart(value: unknown, content: Content): ParsedStart {
  const raw = rawStartSchema.safeParse(value);
  if (!raw.success) return { start: {}, refused: value === undefined ? [] : ['value'] };
  const fields = raw.data;
  const refused: string[] = [];
  const result: ParsedStart = { start: {}, refused };

  if (fields.source !== undefined) {
    if (SOURCE_CODE.test(fields.source)) result.source = fields.source;
    else refused.push('source');
  }
  const journey = fields.journey;
  if (journey !== undefined && !isJourney(journey)) refused.push('journey');
  const params = journey !== undefined && isJourney(journey) ? START_PARAMS[journey] : [];
  if (journey !== undefined && isJourney(journey)) result.journey = journey;

  for (const [name, given] of Object.entries(fields)) {
    if (name === 'journey' || name === 'source') continue;
    const param = params.find((p) => p.param === name);
    const id = param ? allowedId(param, content, given) : undefined;
    if (param && id !== undefined) result.start[param.startKey] = id;
    else refused.push(KNOWN_PARAMS.has(name) ? name : 'other');
  }
  return result;
}

function allowedId(param: StartParam, content: Content, given: string): string | undefined {
  if (param.choices(content).some((c) => c.id === given)) return given;
  return param.normalise?.(content, given);
}

/** The link for a start: /chat?journey=...&...&source=... on the public address. */
export function startLink(
  baseUrl: string,
  journey: JourneyRoute,
  options: Record<string, string>,
  source?: string,
): string {
  const url = new URL('/chat', baseUrl);
  url.searchParams.set('journey', journey);
  for (const param of START_PARAMS[journey]) {
    const value = options[param.param];
    if (value) url.searchParams.set(param.param, value);
  }
  if (source) url.searchParams.set('source', source);
  return url.toString();
}

/**
 * The chat page's token endpoint gives its users ids with this prefix (Azure requires "dl_"). Such
 * a page always sends the join event when it connects, so the bot welcomes on that event instead
 * of on conversationUpdate: one welcome, or the linked journey, whichever order the two arrive in.
 */
export const WEB_PAGE_USER_PREFIX = 'dl_web_';
