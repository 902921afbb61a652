// The parts of botbuilder-dialogs the journeys use, imported from their own modules. The package's
// index also loads every prompt's culture models (the Microsoft Recognizers Text suite, about 10 MB
// of code for dates, numbers and choices in many languages) which this bot never uses: measured,
// importing the index cost 200 ms of start-up and 33 MB of memory. The version is pinned exactly in
// package.json; tests/bot/dialogKit.test.ts fails if an upgrade moves these modules.
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export {
  type PromptOptions,
  type PromptValidator,
  type PromptValidatorContext,
} from 'botbuilder-dialogs/lib/prompts/prompt.js';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt.js';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext.js';
