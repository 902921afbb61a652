// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadBystander, type BystanderContent } from './bystander.js';
import { fillPhonesDeep } from './phoneText.js';
import { loadReporting, ReportingGuide } from './reporting.js';
import { checkResidentContent } from './residentChecks.js';
import { loadServices, type ServiceDirectory } from './services.js';
import { loadSupport, type SupportGuide } from './support.js';

export interface Content {
  services: ServiceDirectory;
  bystander: BystanderContent;
  reporting: ReportingGuide;
  support: SupportGuide;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const [services, bystander, reporting, support] = await Promise.all([
    loadServices(knowledgeDir),
    loadBystander(knowledgeDir),
    loadReporting(knowledgeDir),
    loadSupport(knowledgeDir),
  ]);
  checkResidentContent(knowledgeDir, { services, bystander, reporting, support });
  return {
    services,
    // Numbers live in services.yaml only; resident text says {{phone:<id>}} and is filled in here.
    bystander: fillPhonesDeep(bystander, services),
    reporting: new ReportingGuide(fillPhonesDeep(reporting.file, services)),
    support: fillPhonesDeep(support, services),
  };
}
