// In a Teams team (channel) the bot is @mentioned: "<at>Safer Kingston</at> partnership plan".
// The mention is removed before the message is understood, so commands work there as in a chat.
import { TurnContext, type Middleware } from 'botbuilder';

export class TeamsMentionMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type === 'message' && activity.channelId === 'msteams' && activity.text) {
      TurnContext.removeRecipientMention(activity);
      activity.text = activity.text.trim();
    }
    await next();
  }
}
