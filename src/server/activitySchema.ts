// The least an incoming activity must have for the bot to answer it. Anything else passes through
// untouched for the SDK; journeys parse their own fields (card values) with their own schemas.
import { z } from 'zod';

const account = z.object({ id: z.string().min(1, 'must not be empty') }).passthrough();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1, 'must not be empty'),
    channelId: z.string().min(1, 'must not be empty'),
    conversation: z.object({ id: z.string().min(1, 'must not be empty') }).passthrough(),
    from: account,
    recipient: account.optional(),
    serviceUrl: z.string().url('must be a web address').optional(),
    deliveryMode: z.string().optional(),
    text: z.string().max(10_000, 'must be at most 10,000 characters').optional(),
    membersAdded: z.array(account).max(100, 'must list at most 100 members').optional(),
    membersRemoved: z.array(account).max(100, 'must list at most 100 members').optional(),
  })
  .passthrough()
  .refine((a) => a.deliveryMode === 'expectReplies' || !!a.serviceUrl, {
    message: 'is required unless deliveryMode is "expectReplies"',
    path: ['serviceUrl'],
  });

export function describeActivityProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'activity'} ${i.message}`).join('; ');
}
