// Everything in knowledge/, loaded and validated once at start-up. Each journey adds its own part.
import { knowledgeDir as defaultKnowledgeDir } from '../paths.js';
import { loadPlanGuide, type PlanGuide } from '../plan/planGuide.js';
import { loadServices, type ServiceDirectory } from './services.js';

export interface Content {
  services: ServiceDirectory;
  /** The partnership plan 2024-2029: topics, passages and their search (knowledge/plan/). */
  plan: PlanGuide;
}

/** Loads and validates all content; throws a ContentError naming file, entry and field. */
export async function loadContent(knowledgeDir: string = defaultKnowledgeDir): Promise<Content> {
  const [services, plan] = await Promise.all([loadServices(knowledgeDir), loadPlanGuide(knowledgeDir)]);
  return { services, plan };
}
