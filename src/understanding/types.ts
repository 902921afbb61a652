// The contract between the recogniser and everything that reacts to what a person wrote.
import { z } from 'zod';
import type { SafetyDecision } from './safetyDecision.js';

/** Every place a message can be routed. Journeys are the routes that open a dialog. */
export const ROUTES = [
  'crisis',
  'bystander',
  'workshop',
  'volunteer',
  'report',
  'support',
  'themes',
  'privacy',
  'human',
  'greeting',
  'help',
  'cancel',
  'goodbye',
  'out_of_scope',
] as const;

export const routeSchema = z.enum(ROUTES);
export type Route = z.infer<typeof routeSchema>;

export interface ScoredRoute {
  route: Route;
  /** 0..1, comparable across routes of one result. */
  score: number;
}

export interface RecogniserResult extends ScoredRoute {
  /** The next best routes, best first, excluding `route`. */
  alternatives: ScoredRoute[];
}

/** What the recogniser may use besides the text: where the person is in the conversation. */
export interface RecognitionContext {
  /** The journey the person is in, when they are in one. */
  activeJourney?: Route;
}

export interface Recogniser {
  recognise(text: string, context?: RecognitionContext): RecogniserResult;
  /**
   * The safeguarding decision for a message (and the short messages just before it), independent
   * of the journey. Recognisers without it leave the middleware to use the matcher alone.
   */
  safety?(text: string, earlier?: readonly string[]): SafetyDecision;
}
