// Whether a message comes from the partnership's own staff team in Teams (the hand-off desk).
// Staff replies on the desk often name emergencies ("if he comes back with the knife, call 999"):
// they are relayed to the resident, never answered as a resident's crisis.
import { z } from 'zod';

/** Teams channelData: sent by the channel, parsed rather than trusted. */
const teamOnly = z.object({ team: z.object({ id: z.string() }).passthrough() }).passthrough();

export function isFromDeskTeam(
  activity: { channelId?: string; channelData?: unknown },
  deskTeamId: string | undefined,
): boolean {
  if (!deskTeamId || activity.channelId !== 'msteams') return false;
  const data = teamOnly.safeParse(activity.channelData ?? {});
  return data.success && data.data.team.id === deskTeamId;
}
