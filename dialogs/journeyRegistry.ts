// Which dialog runs each journey. The dialog's id must be the route name.
// A journey still to be built can use ComingSoonDialog (dialogs/comingSoonDialog.ts) meanwhile.
import type { Dialog } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import type { JourneyRoute } from '../src/content/conversation.js';
import { BystanderDialog } from './bystanderDialog.js';
import { PrivacyDialog } from './privacyDialog.js';
import { ReportDialog } from './reportDialog.js';
import { SupportDialog } from './supportDialog.js';
import { ThemesDialog } from './themesDialog.js';
import { VolunteerDialog } from './volunteerDialog.js';
import { WorkshopDialog } from './workshopDialog.js';

export const journeyFactories: Record<JourneyRoute, (services: BotServices) => Dialog> = {
  bystander: (services) => new BystanderDialog(services),
  workshop: (services) => new WorkshopDialog(services),
  volunteer: (services) => new VolunteerDialog(services),
  report: (services) => new ReportDialog(services),
  support: (services) => new SupportDialog(services),
  themes: (services) => new ThemesDialog(services),
  privacy: (services) => new PrivacyDialog(services),
};
