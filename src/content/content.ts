// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { loadHandoffContent, type HandoffContent } from '../handoff/handoffContent.js';
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadPlanGuide, type PlanGuide } from '../plan/planGuide.js';
import { loadClarify, type ClarifyText } from '../understanding/clarifyContent.js';
import { loadSafeguarding, type Safeguarding } from '../understanding/safeguardingContent.js';
import { loadConversation, type ConversationText } from './conversation.js';
import { loadPostcodes, type PostcodeEntry } from './postcodes.js';
import {
  loadAccessibilityStatement,
  loadTerms,
  type AccessibilityStatement,
  type InfoPageText,
} from './infoPages.js';
import { loadPrivacyJourney, type PrivacyJourneyText } from './privacyJourney.js';
import { loadPrivacyNotice, type PrivacyNotice } from './privacyNotice.js';
import { loadResidentContent, type ResidentContent } from './residentContent.js';
import { loadServices, type ServiceDirectory } from './services.js';
import { loadSignupMessages, type SignupMessages } from './signupMessages.js';
import { loadSignupText, type SignupText } from './signupText.js';
import { loadStaffDashboard, type StaffDashboardText } from './staffDashboard.js';
import { loadVolunteering, type VolunteerRoles } from './volunteering.js';
import { loadWards, type WardList } from './wards.js';
import { loadWorkshops, type WorkshopCatalogue } from './workshops.js';

/** The bystander training, reporting routes and support questions come from ResidentContent. */
export interface Content extends ResidentContent {
  services: ServiceDirectory;
  conversation: ConversationText;
  privacyNotice: PrivacyNotice;
  accessibilityStatement: AccessibilityStatement;
  terms: InfoPageText;
  privacyJourney: PrivacyJourneyText;
  /** The partnership plan 2024-2029: topics, passages and their search (knowledge/plan/). */
  plan: PlanGuide;
  workshops: WorkshopCatalogue;
  volunteering: VolunteerRoles;
  wards: WardList;
  /** Kingston postcode districts and sectors and their wards. */
  postcodes: PostcodeEntry[];
  signups: SignupText;
  /** What the sign-up journeys say step by step. */
  signupMessages: SignupMessages;
  /** The crisis reply, with its numbers filled in from services. */
  safeguarding: Safeguarding;
  /** "Did you mean ...?" when the bot is not sure. */
  clarify: ClarifyText;
  /** Talking to a person: wording, opening hours and phone lines (knowledge/handoff.yaml). */
  handoff: HandoffContent;
  /** What the staff dashboard calls channels, funnel steps and a missing ward. */
  staffDashboard: StaffDashboardText;
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
    accessibilityStatement: loadAccessibilityStatement(knowledgeDir),
    terms: loadTerms(knowledgeDir),
    privacyJourney: loadPrivacyJourney(knowledgeDir),
    plan: loadPlanGuide(knowledgeDir, services),
    workshops: loadWorkshops(knowledgeDir),
    volunteering: loadVolunteering(knowledgeDir),
    wards: loadWards(knowledgeDir),
    signups: loadSignupText(knowledgeDir),
    signupMessages: loadSignupMessages(knowledgeDir),
    safeguarding: loadSafeguarding(knowledgeDir, services),
    clarify: loadClarify(knowledgeDir),
    handoff: loadHandoffContent(knowledgeDir, services),
    staffDashboard: loadStaffDashboard(knowledgeDir),
    resident: loadResidentContent(knowledgeDir, services),
  });
  const postcodes = await loadPostcodes(knowledgeDir, parts.wards);
  return { services, ...parts, postcodes, ...resident };
}
