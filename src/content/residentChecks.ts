// Checks across resident content files: every service id a journey names exists in services.yaml,
// and every {phone:<id>} points at a service with a phone number. Run once at start-up, before
// the placeholders are filled in.
import type { BystanderContent } from './bystander.js';
import { bystanderFiles } from './bystander.js';
import { ContentError, describeLocation } from './contentError.js';
import { phoneReferences } from './phoneText.js';
import { reportingFile, type ReportingGuide } from './reporting.js';
import type { ServiceDirectory } from './services.js';
import { supportFile, type SupportGuide } from './support.js';

interface Parts {
  services: ServiceDirectory;
  bystander: BystanderContent;
  reporting: ReportingGuide;
  support: SupportGuide;
}

type Path = (string | number)[];
type Problem = { path: Path; message: string };

/** Every string inside a value, with its path. */
function strings(value: unknown, path: Path = []): { text: string; path: Path }[] {
  if (typeof value === 'string') return [{ text: value, path }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

function phoneProblems(data: unknown, services: ServiceDirectory): Problem[] {
  return strings(data).flatMap(({ text, path }) =>
    phoneReferences(text).flatMap((id) => {
      const service = services.all.find((s) => s.id === id);
      if (!service) return [{ path, message: `{phone:${id}} names no service in services.yaml` }];
      if (!service.contact.phone)
        return [{ path, message: `{phone:${id}} names a service without a phone number` }];
      return [];
    }),
  );
}

function serviceProblem(services: ServiceDirectory, id: string, path: Path): Problem[] {
  return services.all.some((s) => s.id === id)
    ? []
    : [{ path, message: `there is no service with id "${id}" in services.yaml` }];
}

function raise(file: string, data: unknown, problems: Problem[]): void {
  if (problems.length)
    throw new ContentError(
      file,
      problems.map((p) => `${describeLocation(p.path, data)}: ${p.message}`),
    );
}

export function checkResidentContent(knowledgeDir: string, parts: Parts): void {
  const { services, bystander, reporting, support } = parts;
  const files = bystanderFiles(knowledgeDir);

  raise(files.course, bystander.course, phoneProblems(bystander.course, services));
  raise(files.techniques, bystander.techniques, phoneProblems(bystander.techniques, services));
  raise(files.scenarios, bystander.scenarios, phoneProblems(bystander.scenarios, services));

  raise(reportingFile(knowledgeDir), reporting.file, [
    ...phoneProblems(reporting.file, services),
    ...reporting.routes.flatMap((r, i) =>
      r.services.flatMap((id, j) => serviceProblem(services, id, ['routes', i, 'services', j])),
    ),
  ]);

  raise(supportFile(knowledgeDir), support, [
    ...phoneProblems(support, services),
    ...support.alwaysOpen.flatMap((id, i): Problem[] => {
      const missing = serviceProblem(services, id, ['alwaysOpen', i]);
      if (missing.length) return missing;
      const service = services.get(id);
      if (!service.alwaysOpen)
        return [{ path: ['alwaysOpen', i], message: `"${id}" is not marked alwaysOpen in services.yaml` }];
      if (service.unconfirmed)
        return [{ path: ['alwaysOpen', i], message: `"${id}" is flagged unconfirmed in services.yaml` }];
      return [];
    }),
  ]);
}

/** The same keyword on two answers of one question: typing it then matches neither. */
function sharedKeywords(
  file: string,
  question: string,
  choices: readonly { id: string; keywords: readonly string[] }[],
): string[] {
  const owner = new Map<string, string>();
  const warnings: string[] = [];
  for (const choice of choices)
    for (const keyword of choice.keywords) {
      const first = owner.get(keyword);
      if (first && first !== choice.id)
        warnings.push(
          `${file}: "${question}" lists the keyword "${keyword}" for both "${first}" and "${choice.id}", so typing it matches neither`,
        );
      owner.set(keyword, choice.id);
    }
  return warnings;
}

/**
 * Editor warnings that do not stop the bot: routes that point at services held back as
 * unconfirmed, and keywords shared between answers of one question.
 */
export function residentContentWarnings(
  parts: Pick<Parts, 'services' | 'reporting' | 'bystander' | 'support'>,
): string[] {
  const { services, reporting, bystander, support } = parts;
  return [
    ...reporting.routes.flatMap((r) =>
      r.services
        .filter((id) => services.get(id).unconfirmed)
        .map(
          (id) =>
            `knowledge/reporting.yaml: route "${r.id}" lists "${id}", which is flagged unconfirmed and is not shown`,
        ),
    ),
    ...bystander.scenarios.flatMap((s) =>
      sharedKeywords('knowledge/bystander/scenarios.yaml', s.id, s.options),
    ),
    ...[reporting.start, ...reporting.file.questions].flatMap((q) =>
      sharedKeywords('knowledge/reporting.yaml', q.id, q.choices),
    ),
    ...sharedKeywords('knowledge/support.yaml', 'topics', support.topics),
    ...sharedKeywords('knowledge/support.yaml', 'audiences', support.audiences),
  ];
}
