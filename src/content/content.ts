// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadPlanGuide, type PlanGuide } from '../plan/planGuide.js';
import { loadClarify, type ClarifyText } from '../understanding/clarifyContent.js';
import { loadSafeguarding, type Safeguarding } from '../understanding/safeguardingContent.js';
import { loadConversation, type ConversationText } from './conversation.js';
import { loadPrivacyJourney, type PrivacyJourneyText } from './privacyJourney.js';
import { loadPrivacyNotice, type PrivacyNotice } from './privacyNotice.js';
import { loadResidentContent, type ResidentContent } from './residentContent.js';
import { loadServices, type ServiceDirectory } from './services.js';
import { loadSignupText, type SignupText } from './signupText.js';
import { loadVolunteering, type VolunteerRoles } from './volunteering.js';
import { loadWards, type WardList } from './wards.js';
import { loadWorkshops, type WorkshopCatalogue } from './workshops.js';

/** The bystander training, reporting routes and support questions come from ResidentContent. */
export interface Content extends ResidentContent {
  services: ServiceDirectory;
  conversation: ConversationText;
  privacyNotice: PrivacyNotice;
  privacyJourney: PrivacyJourneyText;
  /** The partnership plan 2024-2029: topics, passages and their search (knowledge/plan/). */
  plan: PlanGuide;
  workshops: WorkshopCatalogue;
  volunteering: VolunteerRoles;
  wards: WardList;
  signups: SignupText;
  /** The crisis reply, with its numbers filled in from services. */
  safeguarding: Safeguarding;
  /** "Did you mean ...?" when the bot is not sure. */
  clarify: ClarifyText;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const services = await loadServices(knowledgeDir);
  const [
    conversation,
    privacyNotice,
    privacyJourney,
    plan,
    workshops,
    volunteering,
    wards,
    signups,
    safeguarding,
    clarify,
    resident,
  ] = await Promise.all([
    loadConversation(knowledgeDir, services),
    loadPrivacyNotice(knowledgeDir),
    loadPrivacyJourney(knowledgeDir),
    loadPlanGuide(knowledgeDir),
    loadWorkshops(knowledgeDir),
    loadVolunteering(knowledgeDir),
    loadWards(knowledgeDir),
    loadSignupText(knowledgeDir),
    loadSafeguarding(knowledgeDir, services),
    loadClarify(knowledgeDir),
    loadResidentContent(knowledgeDir, services),
  ]);
  return {
    services,
    conversation,
    privacyNotice,
    privacyJourney,
    plan,
    workshops,
    volunteering,
    wards,
    signups,
    safeguarding,
    clarify,
    ...resident,
  };
}
