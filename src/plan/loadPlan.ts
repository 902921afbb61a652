// Loads knowledge/plan/: every topic file (front matter + `##` passages) and the search glossary,
// checked with zod and against each other. Any problem throws a ContentError naming the file,
// the topic or passage, and the field.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from '../content/yamlText.js';
import { ContentError, describeZodIssues } from '../content/contentError.js';
import { loadYamlFile } from '../content/loadYaml.js';
import { fillPhones, phoneReferences } from '../content/phoneText.js';
import type { ServiceDirectory } from '../content/services.js';
import {
  declinesSchema,
  glossarySchema,
  MAX_HEADING_CHARS,
  MAX_PASSAGE_CHARS,
  topicFrontMatterSchema,
  planWordingSchema,
  type Declines,
  type Glossary,
  type Passage,
  type PlanWording,
  type Topic,
} from './schema.js';

export interface PlanKnowledge {
  readonly topics: readonly Topic[];
  readonly glossary: Glossary;
  readonly wording: PlanWording;
  readonly declines: Declines;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const CODE = /^([1-4][a-l])\.\s/;

/**
 * With `services`, a passage's {phone:<service id>} becomes that service's number (numbers live
 * only in knowledge/services.yaml); without, placeholders are left as written.
 */
export async function loadPlanKnowledge(
  planDir: string,
  services?: ServiceDirectory,
): Promise<PlanKnowledge> {
  const files = (await readdir(planDir)).filter((f) => f.endsWith('.md')).sort();
  if (files.length === 0) throw new ContentError(planDir, ['the folder has no topic files (*.md)']);
  const read = await Promise.all(files.map((f) => readTopic(path.join(planDir, f))));
  const topics = services ? read.map((t) => withPhones(t, services)) : read;
  checkAcrossTopics(topics);
  const [glossary, wording, declines] = await Promise.all([
    loadYamlFile(path.join(planDir, 'glossary.yaml'), glossarySchema, 'term'),
    loadYamlFile(path.join(planDir, 'dialog.yaml'), planWordingSchema),
    loadYamlFile(path.join(planDir, 'declines.yaml'), declinesSchema),
  ]);
  return { topics, glossary, wording, declines };
}

/** Parses one topic file; exported for tests of the error messages. */
export function parseTopic(file: string, source: string): Topic {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new ContentError(file, ['it must start with front matter between two "---" lines']);
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new ContentError(file, [
      `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    ]);
  }
  const front = topicFrontMatterSchema.safeParse(data);
  if (!front.success) throw new ContentError(file, describeZodIssues(front.error, data));
  const expectedId = path.basename(file, '.md');
  const problems: string[] = [];
  if (front.data.id !== expectedId) problems.push(`field "id": must match the file name ("${expectedId}")`);
  const passages = parsePassages(front.data.id, source.slice(match[0].length), problems);
  if (problems.length) throw new ContentError(file, problems);
  return { ...front.data, file, passages };
}

function parsePassages(topicId: string, body: string, problems: string[]): Passage[] {
  const [before, ...chunks] = body.split(/^## /m);
  if (before.trim()) problems.push('text before the first "## " heading belongs in a passage');
  if (chunks.length === 0) problems.push('it has no passages: start each one with a "## " heading');
  return chunks.map((chunk, i) => {
    const newline = chunk.indexOf('\n');
    const heading = (newline === -1 ? chunk : chunk.slice(0, newline)).trim();
    const text = newline === -1 ? '' : chunk.slice(newline + 1).trim();
    const where = `passage "${heading || `#${i + 1}`}"`;
    if (!heading) problems.push(`passage #${i + 1}: the heading is empty`);
    if (heading.length > MAX_HEADING_CHARS)
      problems.push(`${where}: the heading is ${heading.length} characters; keep it to ${MAX_HEADING_CHARS}`);
    if (!text) problems.push(`${where}: has no text under its heading`);
    if (text.length > MAX_PASSAGE_CHARS)
      problems.push(
        `${where}: is ${text.length} characters, too long for one card; split it (at most ${MAX_PASSAGE_CHARS})`,
      );
    if (/^#/m.test(text)) problems.push(`${where}: use only "## " headings, one per passage`);
    const code = CODE.exec(heading)?.[1];
    return { id: `${topicId}/${i + 1}`, topicId, heading, text, ...(code ? { code } : {}) };
  });
}

function checkAcrossTopics(topics: Topic[]): void {
  const byId = new Map<string, Topic>();
  for (const topic of topics) {
    const twin = byId.get(topic.id);
    if (twin)
      throw new ContentError(topic.file, [
        `field "id": "${topic.id}" is also used by ${path.basename(twin.file)}`,
      ]);
    byId.set(topic.id, topic);
  }
  const slots = new Set<string>();
  for (const topic of topics) {
    const problems: string[] = [];
    for (const id of topic.related) {
      if (id === topic.id) problems.push(`field "related": a topic cannot be related to itself`);
      else if (!byId.has(id)) problems.push(`field "related": there is no topic "${id}"`);
    }
    if (topic.group) {
      const slot = `${topic.group} ${topic.order}`;
      if (slots.has(slot))
        problems.push(`field "order": another ${topic.group} already has order ${topic.order}`);
      slots.add(slot);
    }
    if (problems.length) throw new ContentError(topic.file, problems);
  }
}

function withPhones(topic: Topic, services: ServiceDirectory): Topic {
  const problems: string[] = [];
  const passages = topic.passages.map((p) => {
    const ids = phoneReferences(p.text);
    if (ids.length === 0) return p;
    for (const id of ids) {
      const service = services.all.find((s) => s.id === id);
      if (!service) problems.push(`passage "${p.heading}": {phone:${id}} names no service in services.yaml`);
      else if (!service.contact.phone)
        problems.push(`passage "${p.heading}": {phone:${id}} names a service without a phone number`);
    }
    return problems.length ? p : { ...p, text: fillPhones(p.text, services) };
  });
  if (problems.length) throw new ContentError(topic.file, problems);
  return { ...topic, passages };
}

async function readTopic(file: string): Promise<Topic> {
  return parseTopic(file, await readFile(file, 'utf8'));
}
