// Asks the prompt that was waiting again, after the safeguarding reply interrupted it. The dialog
// stack is untouched: the person carries on exactly where they were.
import type { TurnContext } from 'botbuilder';
import { DialogSet } from './dialogKit.js';
import type { SaferKingstonBot } from './saferKingstonBot.js';

export async function resumeJourney(
  context: TurnContext,
  bot: SaferKingstonBot,
  intro: string,
): Promise<boolean> {
  const dialogs = new DialogSet(bot.dialogState);
  dialogs.add(bot.mainDialog);
  const dc = await dialogs.createContext(context);
  if (!dc.activeDialog) return false;
  await context.sendActivity(intro);
  await dc.repromptDialog();
  return true;
}
