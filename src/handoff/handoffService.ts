// The hand-off from the bot to a person on the staff desk in Teams: a request (card on the desk),
// accept, relaying messages both ways, ending, timing out, and the crisis flag. The state of each
// request lives in the Store (src/handoff/handoffRecords.ts), so whichever instance receives the
// next message, from either side, can carry on. No message text is kept: it is passed on and gone.
import type { Activity } from 'botbuilder';
import type { Content } from '../content/content.js';
import { fillTemplate } from '../content/templates.js';
import type { HandoffAction, Insights } from '../insights/insights.js';
import type { Logger } from '../logger.js';
import type { ChatAddress } from '../signups/chatAddress.js';
import type { CallbackRecord, CallbackService } from './callbacks.js';
import type { DeskMessenger } from './deskMessenger.js';
import type { HandoffContent, PhoneLineKey } from './handoffContent.js';
import { requestCard } from './handoffCard.js';
import {
  hashedId,
  newRequestId,
  type HandoffRecords,
  type HandoffRequest,
  type StaffProfile,
} from './handoffRecords.js';
import { isDeskOpen } from './openingHours.js';

export interface HandoffSettings {
  /** How long a request waits for someone to accept before the resident is offered other ways. */
  timeoutMs: number;
}

export interface NewRequest {
  resident: ChatAddress;
  channel: string;
  source?: string;
  journey?: string;
  /** Already redacted. */
  question?: string;
}

export type Availability = 'open' | 'closed' | 'no_desk';

export class HandoffService {
  constructor(
    readonly records: HandoffRecords,
    readonly messenger: DeskMessenger,
    private readonly content: Content,
    private readonly text: HandoffContent,
    private readonly insights: Insights,
    private readonly logger: Logger,
    private readonly now: () => Date,
    readonly settings: HandoffSettings,
    readonly callbacks: CallbackService,
  ) {}

  async availability(): Promise<Availability> {
    if (!isDeskOpen(this.text.hours, this.now())) return 'closed';
    return (await this.records.desk()) ? 'open' : 'no_desk';
  }

  /** Writes the request, then posts its card; undefined when the desk could not be reached. */
  async request(input: NewRequest): Promise<HandoffRequest | undefined> {
    const desk = await this.records.desk();
    if (!desk) return undefined;
    const request: HandoffRequest = {
      id: newRequestId(),
      state: 'waiting',
      createdAt: this.now().toISOString(),
      ...input,
    };
    await this.records.create(request);
    const journeyLabel = this.content.conversation.journeys.find((j) => j.route === input.journey)?.label;
    const activityId = await this.messenger.postCard(
      desk,
      requestCard(this.text.desk, request, journeyLabel),
    );
    if (!activityId) {
      await this.records.delete(request.id);
      return undefined;
    }
    const card = { activityId, threadId: `${desk.conversationId};messageid=${activityId}` };
    const changed = await this.records.change(request.id, (r) => ({ ...r, card }));
    await this.records.linkThread(card.threadId, request.id);
    await this.count('requested', request);
    this.logger.info('handoff_requested', { channel: request.channel });
    return changed?.after;
  }

  /** Staff pressed Accept: the first one gets the chat; the result says who (or why not). */
  async accept(requestId: string, staff: StaffProfile, staffId: string): Promise<'accepted' | 'taken'> {
    const staffKey = hashedId(staffId);
    const changed = await this.records.change(requestId, (r) =>
      r.state === 'waiting'
        ? { ...r, state: 'accepted', acceptedAt: this.now().toISOString(), staff, staffKey }
        : undefined,
    );
    if (!changed) return 'taken';
    const request = changed.after;
    await this.toThread(request, fillTemplate(this.text.desk.acceptedBy, staff));
    if (request.resident)
      await this.messenger.toResident(
        request.resident,
        [this.endButton(fillTemplate(this.text.resident.accepted, staff))],
        {
          state: 'accepted',
        },
      );
    await this.count('accepted', request);
    return 'accepted';
  }

  async relayToDesk(request: HandoffRequest, text: string): Promise<boolean> {
    return this.toThread(request, fillTemplate(this.text.desk.residentSays, { text }));
  }

  async relayToResident(request: HandoffRequest, text: string): Promise<boolean> {
    if (!request.resident || !request.staff) return false;
    const prefix = fillTemplate(this.text.resident.staffPrefix, { name: request.staff.name });
    // Each staff message carries "End chat with staff": Web Chat hides a button once more arrives.
    return this.messenger.toResident(request.resident, [
      { ...this.endButton(`${prefix} ${text}`), textFormat: 'plain' },
    ]);
  }

  /** Ends a chat or withdraws a request; only the first end counts. */
  async end(requestId: string, by: 'resident' | 'staff'): Promise<HandoffRequest | undefined> {
    const changed = await this.records.change(requestId, (r) =>
      r.state === 'waiting' || r.state === 'accepted'
        ? { ...r, state: r.state === 'waiting' ? 'cancelled' : 'ended', endedAt: this.now().toISOString() }
        : undefined,
    );
    if (!changed) return undefined;
    const { before, after } = changed;
    const { desk, resident } = this.text;
    if (by === 'resident')
      await this.toThread(after, before.state === 'waiting' ? desk.cancelled : desk.residentEnded);
    else {
      await this.toThread(after, desk.staffEnded);
      if (after.resident)
        await this.messenger.toResident(after.resident, [{ type: 'message', text: resident.endedByStaff }], {
          state: 'completed',
        });
    }
    await this.count(before.state === 'waiting' ? 'cancelled' : 'ended', after);
    await this.forget(after);
    return after;
  }

  /** Requests nobody accepted in time: the resident is offered the right phone line or a call-back. */
  async checkTimeouts(): Promise<number> {
    const cutoff = this.now().getTime() - this.settings.timeoutMs;
    let timedOut = 0;
    for (const id of await this.records.waitingIds()) {
      const changed = await this.records.change(id, (r) =>
        r.state === 'waiting' && Date.parse(r.createdAt) <= cutoff
          ? { ...r, state: 'timed_out', endedAt: this.now().toISOString() }
          : undefined,
      );
      if (!changed) continue;
      timedOut += 1;
      const request = changed.after;
      const minutes = Math.max(1, Math.round(this.settings.timeoutMs / 60000));
      await this.toThread(request, fillTemplate(this.text.desk.timedOut, { minutes }));
      if (request.resident)
        await this.messenger.toResident(
          request.resident,
          this.otherWays(this.text.resident.nobodyFree, request.journey),
          {
            state: 'failed',
            message: 'timed_out',
          },
        );
      await this.count('timed_out', request);
      await this.forget(request);
    }
    return timedOut;
  }

  /** The bot answered a message with the emergency reply during this hand-off: tell staff at once. */
  async postCallback(callback: CallbackRecord): Promise<boolean> {
    const desk = await this.records.desk();
    if (!desk) return false;
    const { desk: words } = this.text;
    const journeyLabel = this.content.conversation.journeys.find((j) => j.route === callback.journey)?.label;
    const lines = [
      fillTemplate(words.callbackTitle, { ref: callback.ref }),
      `${words.journey}: ${journeyLabel ?? words.noQuestion}`,
    ];
    // The contact details stay in the store and the staff export; the desk post names only the reference.
    return this.messenger.toThread(desk, desk.conversationId, lines.join('\n'));
  }

  async flagCrisis(requestId: string): Promise<void> {
    const request = await this.records.request(requestId);
    if (request && (request.state === 'waiting' || request.state === 'accepted'))
      await this.toThread(request, this.text.desk.crisis);
  }

  /**
   * What the resident can do instead of chatting: `lead` (why), the phone line for what they were
   * doing, and a button to ask for a call-back.
   */
  otherWays(lead: string, journey: string | undefined): Partial<Activity>[] {
    const key = (journey ?? 'default') as PhoneLineKey;
    const service = this.content.services.get(this.text.phoneLines[key] ?? this.text.phoneLines.default);
    const phoneLine = fillTemplate(this.text.resident.phoneLine, {
      service: service.name,
      phone: service.contact.phone ?? '',
    });
    const { resident } = this.text;
    return [
      {
        type: 'message',
        text: [lead, phoneLine, resident.callbackOffer].join('\n\n'),
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: resident.callbackButton, value: resident.callbackButton },
            { type: 'imBack', title: resident.back, value: resident.back },
          ],
        },
      },
    ];
  }

  endButton(text: string): Partial<Activity> {
    const label = this.text.resident.end;
    return {
      type: 'message',
      text,
      suggestedActions: { to: [], actions: [{ type: 'imBack', title: label, value: label }] },
    };
  }

  async count(action: HandoffAction, request: Pick<HandoffRequest, 'channel' | 'source'>): Promise<void> {
    await this.insights.record({
      type: 'handoff',
      action,
      channel: request.channel,
      ...(request.source ? { source: request.source } : {}),
    });
  }

  private async toThread(request: HandoffRequest, text: string): Promise<boolean> {
    const desk = await this.records.desk();
    if (!desk || !request.card) return false;
    return this.messenger.toThread(desk, request.card.threadId, text);
  }

  /** A finished request keeps nothing: its record and thread link go. */
  private async forget(request: HandoffRequest): Promise<void> {
    if (request.card) await this.records.unlinkThread(request.card.threadId);
    await this.records.delete(request.id);
  }
}
