// The bystander training's progress, kept in UserState: per user and channel, across conversations,
// so a person can stop and carry on later. It holds which option was picked per scenario, nothing
// typed and no name; it is ignored after RETENTION_DAYS without a visit, and the retention job
// deletes it then (src/store/stateExpiry.ts).
import { UserState, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { BotServices } from '../src/bot/services.js';
import { getUserState } from '../src/bot/userStateAccess.js';
import type { Scenario } from '../src/content/bystander.js';

const progressSchema = z.object({
  introSeen: z.boolean().default(false),
  /** Scenario id -> the option id the person picked. */
  answers: z.record(z.string()).default({}),
  /** When the person last reached the end (ISO date), if ever. */
  finishedAt: z.string().optional(),
  /** When this was last saved (ISO date): progress older than RETENTION_DAYS is forgotten. */
  updatedAt: z.string().optional(),
});

export type BystanderProgress = z.infer<typeof progressSchema>;

const PROPERTY = 'bystanderProgress';

export class BystanderProgressStore {
  /** Used only when the bot has not shared its UserState (e.g. a dialog tested on its own). */
  private readonly ownUserState: UserState;

  constructor(private readonly services: BotServices) {
    this.ownUserState = new UserState(services.store.botState);
  }

  private userState(context: TurnContext): UserState {
    return getUserState(context) ?? this.ownUserState;
  }

  async get(context: TurnContext): Promise<BystanderProgress> {
    const stored = await this.userState(context).createProperty<unknown>(PROPERTY).get(context);
    const parsed = progressSchema.safeParse(stored ?? {});
    if (!parsed.success || this.expired(parsed.data)) return progressSchema.parse({});
    return parsed.data;
  }

  /** Kept no longer than other details (RETENTION_DAYS), as the privacy notice says. */
  private expired(progress: BystanderProgress): boolean {
    if (!progress.updatedAt) return false;
    const age = this.services.now().getTime() - Date.parse(progress.updatedAt);
    return age > this.services.config.RETENTION_DAYS * 24 * 60 * 60 * 1000;
  }

  /** Saves now, so progress is kept even if the turn fails later. */
  async set(context: TurnContext, progress: BystanderProgress): Promise<void> {
    const userState = this.userState(context);
    const updatedAt = this.services.now().toISOString();
    await userState.createProperty<BystanderProgress>(PROPERTY).set(context, { ...progress, updatedAt });
    await userState.saveChanges(context);
  }
}

/** How many of the current scenarios the person has answered. */
export function doneCount(progress: BystanderProgress, scenarios: readonly Scenario[]): number {
  return scenarios.filter((s) => progress.answers[s.id]).length;
}

/** The first scenario not answered yet, or scenarios.length when all are. */
export function nextUnanswered(progress: BystanderProgress, scenarios: readonly Scenario[]): number {
  const index = scenarios.findIndex((s) => !progress.answers[s.id]);
  return index === -1 ? scenarios.length : index;
}
