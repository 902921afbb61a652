// The shapes the local Direct Line accepts from outside, parsed once at the edge (zod).
import { z } from 'zod';

const jsonObject = z.record(z.unknown());

/** A user id a client may ask to be bound into its token. */
export const userIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only');

/** Body of tokens/generate and of POST /conversations (both optional in Direct Line 3.0). */
export const startBodySchema = z
  .object({
    user: z.object({ id: userIdSchema.optional(), name: z.string().max(100).optional() }).optional(),
    locale: z.string().max(20).optional(),
  })
  .passthrough();

/**
 * An activity a client posts. Only these fields reach the bot: the server sets id, from, recipient,
 * conversation, channelId, serviceUrl and timestamp itself, so a client cannot pose as someone else.
 */
export const clientActivitySchema = z.object({
  // What a person's client may send. Other types (invoke, conversationUpdate, ...) come from channels.
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(5000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(20).optional(),
  localTimestamp: z.string().max(40).optional(),
  localTimezone: z.string().max(60).optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  channelData: jsonObject.optional(),
  entities: z.array(jsonObject).max(20).optional(),
  attachments: z.array(jsonObject).max(10).optional(),
  replyToId: z.string().max(200).optional(),
  from: z
    .object({ name: z.string().max(100).optional() })
    .passthrough()
    .optional(),
});
export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** An activity the bot sends through the connector endpoints. The bot is trusted for its content. */
export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    from: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type BotActivity = z.infer<typeof botActivitySchema>;

/** The first problem zod found, in words for an HTTP error body. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}
