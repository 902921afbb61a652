// Every content sentence with placeholders is checked the same way (src/content/templates.ts): the
// bystander course, the support guide and the privacy notice refuse a placeholder the bot cannot
// fill in, and the support guide refuses losing its {topic}.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodTypeAny } from 'zod';
import { courseSchema } from '../../src/content/bystander.js';
import { privacyNoticeSchema } from '../../src/content/privacyNotice.js';
import { supportFileSchema } from '../../src/content/support.js';
import { parseYaml } from '../../src/content/yamlText.js';
import { projectRoot } from '../../src/paths.js';

async function knowledge(file: string): Promise<Record<string, unknown>> {
  return parseYaml(await readFile(path.join(projectRoot, 'knowledge', file), 'utf8')) as Record<
    string,
    unknown
  >;
}

function problems(schema: ZodTypeAny, data: unknown): string {
  const parsed = schema.safeParse(data);
  return parsed.success ? '' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

describe('content placeholders', () => {
  it('accepts the content as it is', async () => {
    assert.equal(problems(courseSchema, await knowledge('bystander/course.yaml')), '');
    assert.equal(problems(supportFileSchema, await knowledge('support.yaml')), '');
    assert.equal(problems(privacyNoticeSchema, await knowledge('privacyNotice.yaml')), '');
  });

  it('refuses a misspelt placeholder in the bystander course, naming the field', async () => {
    const course = await knowledge('bystander/course.yaml');
    course.welcomeBack = 'Welcome back. You have done {doen} of {total} situations.';
    assert.match(
      problems(courseSchema, course),
      /welcomeBack: uses \{doen\}, which the bot cannot fill in here/,
    );
  });

  it('refuses a support introduction without {topic}', async () => {
    const support = await knowledge('support.yaml');
    support.servicesIntro = 'These services can help:';
    assert.match(problems(supportFileSchema, support), /servicesIntro: must include \{topic\}/);
  });

  it('refuses a privacy notice placeholder the page cannot fill in', async () => {
    const notice = (await knowledge('privacyNotice.yaml')) as { sections: { paragraphs: string[] }[] };
    notice.sections[0].paragraphs[0] = 'See {notice} for more.';
    assert.match(problems(privacyNoticeSchema, notice), /sections\.0\.paragraphs\.0: uses \{notice\}/);
  });
});
