// What a button on a plan card sends back. A card submission is user input and can be forged,
// so it is parsed here once; ids are checked against the knowledge base before use.
import { z } from 'zod';
import { slug } from '../content/common.js';

const passageId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[0-9]{1,3}$/);

export const planActionSchema = z.discriminatedUnion('planAction', [
  z.object({ planAction: z.literal('menu') }).passthrough(),
  z.object({ planAction: z.literal('priorities') }).passthrough(),
  z.object({ planAction: z.literal('themes') }).passthrough(),
  z.object({ planAction: z.literal('topics') }).passthrough(),
  z.object({ planAction: z.literal('topic'), id: slug }).passthrough(),
  z.object({ planAction: z.literal('passage'), id: passageId }).passthrough(),
]);

export type PlanAction = z.infer<typeof planActionSchema>;

/** A card button's data: routed to the themes journey even when it is not the active one. */
export function actionData(action: PlanAction): Record<string, string> {
  return { journey: 'themes', ...(action as Record<string, string>) };
}
