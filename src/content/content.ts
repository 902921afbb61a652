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
import { loadSignupMessages, type SignupMessages } from './signupMessages.js';
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
  /** What the sign-up journeys say step by step. */
  signupMessages: SignupMessages;
  /** The crisis reply, with its numbers filled in from services. */
  safeguarding: Safeguarding;
  /** "Did you mean ...?" when the bot is not sure. */
  clarify: ClarifyText;
}

/** Awaits an object of promises, keeping each result under its own name. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(
    Object.entries(promises).map(async ([key, promise]) => [key, await promise]),
  );
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  // Services first: other files refer to its phone numbers by id.
  const services = await loadServices(knowledgeDir);
  const { resident, ...parts } = await allOf({
    conversation: loadConversation(knowledgeDir, services),
    privacyNotice: loadPrivacyNotice(knowledgeDir),
    privacyJourney: loadPrivacyJourney(knowledgeDir),
    plan: loadPlanGuide(knowledgeDir, services),
    workshops: loadWorkshops(knowledgeDir),
    volunteering: loadVolunteering(knowledgeDir),
    wards: loadWards(knowledgeDir),
    signups: loadSignupText(knowledgeDir),
    signupMessages: loadSignupMessages(knowledgeDir),
    safeguarding: loadSafeguarding(knowledgeDir, services),
    clarify: loadClarify(knowledgeDir),
    resident: loadResidentContent(knowledgeDir, services),
  });
  return { services, ...parts, ...resident };
}
