// Where the hand-off takes over a turn, before the journeys (and after the safeguarding check, which
// runs first as middleware on every message):
// - on the staff desk in Teams: "set desk", "my name is Sam, Community Safety Team", Accept, and
//   replies in a request's thread (relayed to the resident; "end" finishes);
// - in a resident's chat while a request waits or a chat is open: messages are relayed, and
//   "Back to the bot" / "End chat with staff" finish.
// After the journeys ran, it notes what the resident was doing and offers a person after two
// unanswered messages in a row or "it did not help".
import {
  MessageFactory,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { BotServices } from '../src/bot/services.js';
import { fillTemplate } from '../src/content/templates.js';
import { acceptValueSchema } from '../src/handoff/handoffCard.js';
import { hashedId, type HandoffRequest } from '../src/handoff/handoffRecords.js';
import { readMarks, setMemoryAccess, type HandoffMemory } from '../src/handoff/handoffTurn.js';
import { findReference } from '../src/signups/references.js';

/** Teams channelData: sent by the channel, still parsed rather than trusted. */
const teamsChannelData = z
  .object({
    team: z
      .object({ id: z.string().min(1).max(256) })
      .passthrough()
      .optional(),
    channel: z
      .object({ id: z.string().min(1).max(512) })
      .passthrough()
      .optional(),
    tenant: z
      .object({ id: z.string().min(1).max(128) })
      .passthrough()
      .optional(),
  })
  .passthrough();

const SET_DESK = /^set desk$/i;
const MY_NAME = /^my name is\s+([^,]{1,40}),\s*(.{1,60})$/i;
const END = /^(end|end chat|stop)$/i;
const CLOSED = /^closed?\s+(CB[\s-]*\w{5}[\s-]*\w{5})$/i;
const OFFER_AFTER_UNANSWERED = 2;

function same(a: string | undefined, b: string): boolean {
  return (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
}

export class HandoffTurns {
  readonly memory: StatePropertyAccessor<HandoffMemory>;

  constructor(
    private readonly services: BotServices,
    conversationState: ConversationState,
  ) {
    this.memory = conversationState.createProperty<HandoffMemory>('handoff');
  }

  private get text() {
    return this.services.content.handoff;
  }

  /** Makes the memory reachable by the dialogs for this turn (see src/handoff/handoffTurn.ts). */
  prepare(context: TurnContext): void {
    setMemoryAccess(context, this.memory);
  }

  /** The resident pressed "Ask them to contact me" (offered when nobody can chat). */
  wantsCallback(context: TurnContext): boolean {
    return context.activity.channelId !== 'msteams' || !context.activity.channelData?.team
      ? same(context.activity.text, this.text.resident.callbackButton)
      : false;
  }

  /** True when the hand-off handled the message and the journeys should not see it. */
  async onMessage(context: TurnContext): Promise<boolean> {
    const data = teamsChannelData.safeParse(context.activity.channelData ?? {});
    if (context.activity.channelId === 'msteams' && data.success && data.data.team)
      return this.onDeskMessage(context, data.data);
    return this.onResidentMessage(context);
  }

  private async onDeskMessage(
    context: TurnContext,
    data: z.infer<typeof teamsChannelData>,
  ): Promise<boolean> {
    const { handoff, config } = this.services;
    const { desk } = this.text;
    const text = (context.activity.text ?? '').trim();
    const accept =
      context.activity.value === undefined ? undefined : acceptValueSchema.safeParse(context.activity.value);
    const thread = await handoff.records.requestForThread(context.activity.conversation.id);
    const closed = CLOSED.exec(text);
    const isCommand = SET_DESK.test(text) || MY_NAME.test(text) || accept?.success || closed;
    if (!isCommand && !thread) return false;
    const member = Boolean(config.HANDOFF_TEAM_ID) && data.team?.id === config.HANDOFF_TEAM_ID;
    if (!member) {
      this.services.logger.warn('handoff_staff_refused', { reason: 'not_desk_team' });
      await context.sendActivity(desk.notAllowed);
      return true;
    }
    const staffKey = context.activity.from.aadObjectId ?? context.activity.from.id;
    if (SET_DESK.test(text)) {
      await handoff.records.setDesk({
        channelId: 'msteams',
        serviceUrl: context.activity.serviceUrl,
        conversationId: data.channel?.id ?? context.activity.conversation.id.split(';')[0],
        botId: context.activity.recipient.id,
        teamId: data.team!.id,
        ...(data.tenant ? { tenantId: data.tenant.id } : {}),
      });
      this.services.logger.info('handoff_desk_set', {});
      await context.sendActivity(desk.deskSet);
      return true;
    }
    if (closed) {
      const ref = findReference(closed[1]);
      const done = ref ? await handoff.callbacks.close(ref) : undefined;
      if (done) await handoff.count('callback_closed', { channel: done.channel });
      await context.sendActivity(
        done ? fillTemplate(desk.callbackClosed, { ref: done.ref }) : desk.callbackNotFound,
      );
      return true;
    }
    const named = MY_NAME.exec(text);
    if (named) {
      const profile = { name: named[1].trim(), team: named[2].trim() };
      await handoff.records.setStaff(staffKey, profile);
      await context.sendActivity(fillTemplate(desk.nameSet, profile));
      return true;
    }
    if (accept?.success) {
      const profile = await handoff.records.staff(staffKey);
      if (!profile) {
        await context.sendActivity(desk.nameNeeded);
        return true;
      }
      if ((await handoff.accept(accept.data.requestId, profile, staffKey)) === 'taken')
        await context.sendActivity(desk.alreadyTaken);
      return true;
    }
    if (thread?.state === 'accepted') {
      // Only the person who accepted speaks to the resident under their name; colleagues in the
      // thread are told so (they can still end the chat, e.g. at the end of a shift).
      if (END.test(text)) await handoff.end(thread.id, 'staff');
      else if (thread.staffKey !== hashedId(staffKey)) await context.sendActivity(desk.notYourChat);
      else if (text) await handoff.relayToResident(thread, text);
    }
    return true;
  }

  private async onResidentMessage(context: TurnContext): Promise<boolean> {
    const memory = await this.memory.get(context, {});
    if (!memory.requestId) return false;
    const { resident } = this.text;
    const { handoff } = this.services;
    const text = (context.activity.text ?? '').trim();
    const request = await handoff.records.request(memory.requestId);
    if (!request || (request.state !== 'waiting' && request.state !== 'accepted')) {
      await this.forgetRequest(context, memory);
      return false;
    }
    const leaving = same(text, resident.back) || same(text, resident.end) || END.test(text);
    if (leaving) {
      await handoff.end(request.id, 'resident');
      await this.forgetRequest(context, memory);
      await context.sendActivity(request.state === 'waiting' ? resident.cancelled : resident.endedByResident);
      return true;
    }
    if (request.state === 'waiting') {
      await context.sendActivity(MessageFactory.suggestedActions([resident.back], resident.stillWaiting));
      return true;
    }
    if (text && !(await handoff.relayToDesk(request, text))) await this.deskLost(context, request, memory);
    return true;
  }

  /** The desk could not be reached mid-chat: the resident is told, with the phone line. */
  private async deskLost(
    context: TurnContext,
    request: HandoffRequest,
    memory: HandoffMemory,
  ): Promise<void> {
    await this.services.handoff.end(request.id, 'resident');
    await this.forgetRequest(context, memory);
    await context.sendActivities(
      this.services.handoff.otherWays(this.text.resident.nobodyFree, request.journey),
    );
  }

  private async forgetRequest(context: TurnContext, memory: HandoffMemory): Promise<void> {
    const { requestId: _gone, ...rest } = memory;
    await this.memory.set(context, rest);
  }

  /** After the journeys: remember what the resident was doing and offer a person when it helps. */
  async afterJourneys(context: TurnContext): Promise<void> {
    const marks = readMarks(context);
    const memory = { ...(await this.memory.get(context, {})) };
    if (marks.journey) memory.journey = marks.journey;
    let offer = Boolean(marks.offerPerson);
    if (marks.unanswered) {
      // Kept in conversation state until the request: masked as the insights mask it, so no name stays.
      memory.question = this.services.insights.maskFreeText(context.activity.text ?? '');
      memory.unansweredStreak = (memory.unansweredStreak ?? 0) + 1;
      if (memory.unansweredStreak >= OFFER_AFTER_UNANSWERED) offer = true;
    } else if (marks.answered || marks.journey) memory.unansweredStreak = 0;
    if (offer && !memory.requestId) {
      memory.unansweredStreak = 0;
      const label = this.services.content.clarify.labels.human;
      await context.sendActivity(MessageFactory.suggestedActions([label], this.text.resident.offer));
    }
    await this.memory.set(context, memory);
  }
}
