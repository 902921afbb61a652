// Reads what the staff area shows from the journeys' own records.
import type { BotServices } from '../bot/services.js';
import type { StaffDataSources } from './staffRoutes.js';

export function createStaffSources(_services: BotServices): StaffDataSources {
  // Workshops and volunteering records arrive with the sign-up journeys (issue 5).
  return {
    workshops: async () => [],
    attendeesCsv: async () => undefined,
    interestsCsv: async () => 'ward,role,name,email,phone,recorded\r\n',
  };
}
