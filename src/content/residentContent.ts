// The resident journeys' content (bystander training, how to report, where to get support), loaded,
// checked against the services directory, and with every {phone:<id>} filled in from it.
import { loadBystander, type BystanderContent } from './bystander.js';
import { fillPhonesDeep } from './phoneText.js';
import { loadReporting, ReportingGuide } from './reporting.js';
import { checkResidentContent } from './residentChecks.js';
import type { ServiceDirectory } from './services.js';
import { loadSupport, type SupportGuide } from './support.js';

export interface ResidentContent {
  bystander: BystanderContent;
  reporting: ReportingGuide;
  support: SupportGuide;
}

export async function loadResidentContent(
  knowledgeDir: string,
  services: ServiceDirectory,
): Promise<ResidentContent> {
  const [bystander, reporting, support] = await Promise.all([
    loadBystander(knowledgeDir),
    loadReporting(knowledgeDir),
    loadSupport(knowledgeDir),
  ]);
  checkResidentContent(knowledgeDir, { services, bystander, reporting, support });
  return {
    bystander: fillPhonesDeep(bystander, services),
    reporting: new ReportingGuide(fillPhonesDeep(reporting.file, services)),
    support: fillPhonesDeep(support, services),
  };
}
