// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadConversation, type ConversationText } from './conversation.js';
import { loadServices, type ServiceDirectory } from './services.js';

export interface Content {
  services: ServiceDirectory;
  conversation: ConversationText;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const services = await loadServices(knowledgeDir);
  const conversation = await loadConversation(knowledgeDir, services);
  return { services, conversation };
}
