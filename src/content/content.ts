// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadConversation, type ConversationText } from './conversation.js';
import { loadPrivacyNotice, type PrivacyNotice } from './privacyNotice.js';
import { loadServices, type ServiceDirectory } from './services.js';
import { loadSignupText, type SignupText } from './signupText.js';
import { loadVolunteering, type VolunteerRoles } from './volunteering.js';
import { loadWards, type WardList } from './wards.js';
import { loadWorkshops, type WorkshopCatalogue } from './workshops.js';

export interface Content {
  services: ServiceDirectory;
  conversation: ConversationText;
  privacyNotice: PrivacyNotice;
  workshops: WorkshopCatalogue;
  volunteering: VolunteerRoles;
  wards: WardList;
  signups: SignupText;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const services = await loadServices(knowledgeDir);
  const [conversation, privacyNotice, workshops, volunteering, wards, signups] = await Promise.all([
    loadConversation(knowledgeDir, services),
    loadPrivacyNotice(knowledgeDir),
    loadWorkshops(knowledgeDir),
    loadVolunteering(knowledgeDir),
    loadWards(knowledgeDir),
    loadSignupText(knowledgeDir),
  ]);
  return { services, conversation, privacyNotice, workshops, volunteering, wards, signups };
}
