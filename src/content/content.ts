// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadPlanGuide, type PlanGuide } from '../plan/planGuide.js';
import { loadBystander, type BystanderContent } from './bystander.js';
import { loadConversation, type ConversationText } from './conversation.js';
import { fillPhonesDeep } from './phoneText.js';
import { loadPrivacyNotice, type PrivacyNotice } from './privacyNotice.js';
import { loadReporting, ReportingGuide } from './reporting.js';
import { checkResidentContent } from './residentChecks.js';
import { loadServices, type ServiceDirectory } from './services.js';
import { loadSupport, type SupportGuide } from './support.js';

export interface Content {
  services: ServiceDirectory;
  conversation: ConversationText;
  privacyNotice: PrivacyNotice;
  /** The partnership plan 2024-2029: topics, passages and their search (knowledge/plan/). */
  plan: PlanGuide;
  bystander: BystanderContent;
  reporting: ReportingGuide;
  support: SupportGuide;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const services = await loadServices(knowledgeDir);
  const [conversation, privacyNotice, plan, bystander, reporting, support] = await Promise.all([
    loadConversation(knowledgeDir, services),
    loadPrivacyNotice(knowledgeDir),
    loadPlanGuide(knowledgeDir),
    loadBystander(knowledgeDir),
    loadReporting(knowledgeDir),
    loadSupport(knowledgeDir),
  ]);
  checkResidentContent(knowledgeDir, { services, bystander, reporting, support });
  return {
    services,
    conversation,
    privacyNotice,
    plan,
    // Resident text says {phone:<id>}; the numbers come from services.yaml here.
    bystander: fillPhonesDeep(bystander, services),
    reporting: new ReportingGuide(fillPhonesDeep(reporting.file, services)),
    support: fillPhonesDeep(support, services),
  };
}
