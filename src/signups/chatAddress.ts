// Where to reach someone on the waiting list when a place comes free: the least of a Bot Framework
// ConversationReference that continueConversationAsync needs (channel, service address,
// conversation, bot and user ids), with no names and no message text. It is personal data: it
// lives only on waiting-list entries and goes when the person gets a place or leaves the list.
// It comes from an incoming activity (untrusted) and is read back from storage, so it is checked
// with the schema both when it is taken and when it is used.
import { z } from 'zod';

const id = (max: number) => z.string().min(1).max(max);

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const chatAddressSchema = z
  .object({
    channelId: id(64).regex(/^[A-Za-z0-9._-]+$/),
    serviceUrl: id(512).refine(isWebAddress, 'must be an http or https address'),
    conversationId: id(512),
    botId: id(256),
    userId: id(256),
  })
  .strict();

export type ChatAddress = z.infer<typeof chatAddressSchema>;

/** The parts of an activity the address is taken from (a botbuilder Activity fits). */
export interface AddressedActivity {
  channelId?: string;
  serviceUrl?: string;
  conversation?: { id?: string };
  recipient?: { id?: string };
  from?: { id?: string };
}

/** The address of the conversation an incoming activity came from, if it is a valid one. */
export function chatAddressOf(activity: AddressedActivity): ChatAddress | undefined {
  return readChatAddress({
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation?.id,
    botId: activity.recipient?.id,
    userId: activity.from?.id,
  });
}

/** A stored address, if it is still a valid one. */
export function readChatAddress(value: unknown): ChatAddress | undefined {
  const parsed = chatAddressSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The ConversationReference that continueConversationAsync takes, and nothing more. */
export function conversationReferenceOf(address: ChatAddress) {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, isGroup: false, conversationType: '', name: '' },
    bot: { id: address.botId, name: '' },
    user: { id: address.userId, name: '' },
  };
}
