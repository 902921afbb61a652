// Which dialog runs each journey. The dialog's id must be the route name.
// To add a journey, replace its "coming soon" line with the journey's own factory.
import type { Dialog } from 'botbuilder-dialogs';
import type { BotServices } from '../src/bot/services.js';
import type { JourneyRoute } from '../src/content/conversation.js';
import { BystanderDialog } from './bystanderDialog.js';
import { ComingSoonDialog } from './comingSoonDialog.js';
import { PrivacyDialog } from './privacyDialog.js';
import { ReportDialog } from './reportDialog.js';
import { SupportDialog } from './supportDialog.js';
import { ThemesDialog } from './themesDialog.js';
import { VolunteerDialog } from './volunteerDialog.js';
import { WorkshopDialog } from './workshopDialog.js';

const comingSoon = (route: JourneyRoute) => (services: BotServices) => new ComingSoonDialog(route, services);

export const journeyFactories: Record<JourneyRoute, (services: BotServices) => Dialog> = {
  bystander: (services) => new BystanderDialog(services),
  workshop: (services) => new WorkshopDialog(services),
  volunteer: (services) => new VolunteerDialog(services),
  report: (services) => new ReportDialog(services),
  support: (services) => new SupportDialog(services),
  themes: (services) => new ThemesDialog(services),
  privacy: (services) => new PrivacyDialog(services),
};
