// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadServices, type ServiceDirectory } from './services.js';

export interface Content {
  services: ServiceDirectory;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const [services] = await Promise.all([loadServices(knowledgeDir)]);
  return { services };
}
