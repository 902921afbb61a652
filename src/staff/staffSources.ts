// Reads what the staff area shows from the journeys' own records.
import type { BotServices } from '../bot/services.js';
import { attendeesCsv, callbacksCsv, interestsCsv, workshopStats } from '../signups/staffExports.js';
import type { StaffDataSources } from './staffRoutes.js';

export function createStaffSources(services: BotServices): StaffDataSources {
  const { records } = services.store;
  return {
    workshops: () => workshopStats(records, services.content),
    attendeesCsv: (sessionId) => attendeesCsv(records, services.content, sessionId),
    interestsCsv: () => interestsCsv(records, services.content),
    callbacksCsv: () => callbacksCsv(records, services.content),
  };
}
