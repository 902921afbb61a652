// A service from knowledge/services.yaml as a card: what it offers, who it is for, when it is open,
// and a button for each way to get in touch (tap to call, tap to text, open the website).
import type { Service } from '../content/services.js';
import {
  actionSet,
  adaptiveCard,
  container,
  openUrl,
  smsUrl,
  telUrl,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './cards.js';

/** The buttons for a service's contact routes. */
export function serviceActions(service: Service): CardElement[] {
  const { phone, text, web } = service.contact;
  const actions: CardElement[] = [];
  if (phone) actions.push(openUrl(`Call ${phone}`, telUrl(phone)));
  if (text)
    actions.push(
      openUrl(
        text.message ? `Text ${text.message} to ${text.number}` : `Text ${text.number}`,
        smsUrl(text.number, text.message),
      ),
    );
  if (web) actions.push(openUrl('Open website', web));
  return actions;
}

/** The service as plain text: the same facts as the card, for channels without cards. */
export function serviceText(service: Service): string {
  const { phone, text, web, walkIn } = service.contact;
  const lines = [`${service.name}: ${service.offers}`];
  if (phone) lines.push(`Call ${phone}`);
  if (text) lines.push(text.message ? `Text ${text.message} to ${text.number}` : `Text ${text.number}`);
  if (web) lines.push(`Website: ${web}`);
  if (walkIn) lines.push(`Drop in: ${walkIn}`);
  lines.push(`Open: ${service.hours}`);
  return lines.join('\n');
}

/** The card body for one service, to use on its own or inside a bigger card. */
export function serviceBlock(service: Service, separator = false): CardElement {
  const items: CardElement[] = [
    textBlock(service.name, { weight: 'Bolder', size: 'Medium' }),
    textBlock(service.offers),
    textBlock(`For: ${service.whoFor}`, { isSubtle: true }),
    textBlock(`Open: ${service.hours}`, { isSubtle: true }),
  ];
  if (service.contact.walkIn) items.push(textBlock(`Drop in: ${service.contact.walkIn}`));
  const actions = serviceActions(service);
  if (actions.length) items.push(actionSet(actions));
  return container(items, { separator });
}

export function serviceCard(service: Service): AdaptiveCard {
  return adaptiveCard([serviceBlock(service)], undefined, serviceText(service));
}

/** A short list of services open all day and night, each with its buttons. */
export function alwaysOpenCard(title: string, services: readonly Service[]): AdaptiveCard {
  const body: CardElement[] = [textBlock(title, { weight: 'Bolder', size: 'Medium', heading: true })];
  for (const s of services) {
    body.push(textBlock(`${s.name}: ${s.offers}`));
    const actions = serviceActions(s);
    if (actions.length) body.push(actionSet(actions));
  }
  const fallback = [title, ...services.map((s) => serviceText(s))].join('\n\n');
  return adaptiveCard(body, undefined, fallback);
}
