// The Safer Kingston chat page: gets a short-lived Direct Line token from the service, then starts the
// official Web Chat (served by the service at /vendor/webchat.js). The conversation lives only in this
// tab: nothing is written to localStorage or sessionStorage.
//
// On connecting it sends the event webchat/join with the start from the address (journey, its
// options, source code), so links and the embed widget can open a chosen journey.
//
// Hooks for other page features (quick exit, embedding, deep links):
// - window.SaferKingstonChat.start(options) starts the chat (the page calls it on load unless the chat
//   element has data-autostart="false"); options.container, options.onConnected(directLine, store),
//   options.webSocket (false: poll instead), options.start (default: from the address).
//
// The chat uses the WebSocket stream. Some networks block WebSockets: if nothing at all arrives (not
// even the welcome) within FALLBACK_AFTER_MS, the page starts again with polling. ?transport=polling
// in the address forces polling.
// - window.SaferKingstonChat.clear() ends the conversation and removes it from the page.
// - document events 'saferkingston:chat-ready' (detail: { directLine, store }) and 'saferkingston:chat-error'.
(function () {
  'use strict';

  // join=1: this page sends the webchat/join event, so the bot welcomes on that (see joinOnConnect).
  const TOKEN_URL = '/api/directline/token?join=1';
  const FALLBACK_AFTER_MS = 8000;

  // Colours chosen for WCAG 2.2 AA contrast (see chat.css for the palette).
  const STYLE_OPTIONS = {
    // Markdown may carry HTML; user text must never be rendered as HTML (DESIGN.md facts).
    markdownRenderHTML: false,
    accent: '#0b4f6c',
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    rootHeight: '100%',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f3f2f1',
    bubbleBorderColor: '#6f777b',
    bubbleBorderRadius: 8,
    bubbleTextColor: '#0b0c0c',
    // Web Chat's default minimum (250px) pushes cards past the edge at 320px wide or 200% zoom.
    bubbleMinWidth: 0,
    bubbleFromUserBackground: '#0b4f6c',
    bubbleFromUserBorderColor: '#0b4f6c',
    bubbleFromUserBorderRadius: 8,
    bubbleFromUserTextColor: '#ffffff',
    subtle: '#484f53',
    timestampColor: '#484f53',
    // A long answer (a list of sessions, the welcome) opens at its start, not its end: the transcript
    // stops following new messages once the first unread one reaches the top (Web Chat's snap).
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: -8,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b4f6c',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 6,
    suggestedActionTextColor: '#0b4f6c',
    suggestedActionHeight: 44,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#0b0c0c',
    sendBoxPlaceholderColor: '#484f53',
    sendBoxButtonColor: '#0b4f6c',
    sendBoxBorderTop: 'solid 2px #6f777b',
    sendBoxHeight: 52,
    hideUploadButton: true,
    botAvatarInitials: 'SK',
    userAvatarInitials: 'You',
    avatarSize: 36,
    botAvatarBackgroundColor: '#0b4f6c',
    userAvatarBackgroundColor: '#484f53',
  };

  let current = null;

  function setStatus(container, text, isError) {
    let status = container.querySelector('#chat-status');
    if (!status) {
      status = document.createElement('p');
      status.id = 'chat-status';
      status.setAttribute('role', isError ? 'alert' : 'status');
      container.prepend(status);
    }
    status.className = isError ? 'chat__status chat__status--error' : 'chat__status';
    status.textContent = text;
  }

  async function fetchToken() {
    const response = await fetch(TOKEN_URL, { method: 'POST', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error('token request failed: ' + response.status);
    const body = await response.json();
    if (!body || typeof body.token !== 'string') throw new Error('token response without a token');
    return body;
  }

  async function start(options) {
    const settings = options || {};
    const container = settings.container || document.getElementById('chat');
    if (!container) return undefined;
    if (!window.WebChat) {
      setStatus(container, 'Sorry, the chat could not load. Please refresh the page to try again.', true);
      return undefined;
    }
    try {
      const forcedPolling = new URLSearchParams(location.search).get('transport') === 'polling';
      const webSocket = settings.webSocket !== false && !forcedPolling && 'WebSocket' in window;
      const { token, domain } = await fetchToken();
      const directLine = window.WebChat.createDirectLine({ token, domain: domain || undefined, webSocket });
      if (webSocket) fallBackToPollingIfSilent(directLine, settings);
      const store = window.WebChat.createStore({}, joinOnConnect(settings.start || startFromAddress()));
      // A fresh element for each chat, so a restart never renders into a previous chat's tree.
      const host = document.createElement('div');
      host.className = 'chat__host';
      container.textContent = '';
      container.appendChild(host);
      window.WebChat.renderWebChat(
        {
          directLine,
          store,
          locale: 'en-GB',
          styleOptions: STYLE_OPTIONS,
          cardActionMiddleware: showChoices,
          activityMiddleware: renderChoices,
        },
        host,
      );
      current = { directLine, store, container };
      if (typeof settings.onConnected === 'function') settings.onConnected(directLine, store);
      document.dispatchEvent(
        new window.CustomEvent('saferkingston:chat-ready', { detail: { directLine, store } }),
      );
      return current;
    } catch (error) {
      console.error('The chat could not start:', error && error.message);
      setStatus(container, 'Sorry, the chat could not start. Please refresh the page to try again.', true);
      document.dispatchEvent(new window.CustomEvent('saferkingston:chat-error'));
      return undefined;
    }
  }

  // A card button (Action.Submit) reaches Web Chat as a postBack, which sends its value and shows
  // nothing, so scrolling back or a screen reader could not tell what was picked. Sent as a
  // messageBack with the button's words as displayText, the same value goes to the bot (no text)
  // and the transcript shows the choice as the person's own message.
  function showChoices() {
    return function (next) {
      return function (options) {
        const action = options.cardAction;
        if (action && action.value && action.value.action === 'page.print') {
          printCard(document.activeElement);
          return undefined;
        }
        if (action && action.type === 'postBack' && typeof action.title === 'string' && action.title.trim()) {
          return next(
            Object.assign({}, options, {
              cardAction: {
                type: 'messageBack',
                title: action.title,
                displayText: action.title,
                value: action.value,
              },
            }),
          );
        }
        return next(options);
      };
    };
  }

  // "Save or print this confirmation": prints only the card the button is on (chat.css hides the
  // rest when printing), so the reference goes to paper or a PDF and never into an address.
  function printCard(button) {
    const card = button && button.closest ? button.closest('.ac-adaptiveCard') : null;
    if (!card) return;
    card.classList.add('print-target');
    document.documentElement.classList.add('printing-card');
    const done = function () {
      card.classList.remove('print-target');
      document.documentElement.classList.remove('printing-card');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  // Web Chat hides a message without text, but a button's messageBack carries its words only as
  // displayText (the bot must not read a button's words as the person's own). Shown with those
  // words as its text, the choice stays in the transcript and is read by screen readers.
  function renderChoices() {
    return function (next) {
      return function () {
        const args = Array.prototype.slice.call(arguments);
        const activity = args[0] && args[0].activity;
        const messageBack = activity && activity.channelData && activity.channelData.messageBack;
        if (
          activity &&
          activity.type === 'message' &&
          !activity.text &&
          messageBack &&
          messageBack.displayText
        ) {
          const shown = Object.assign({}, activity, { text: String(messageBack.displayText) });
          args[0] = Object.assign({}, args[0], { activity: shown });
        }
        return next.apply(null, args);
      };
    };
  }

  // The start the page was opened with: /chat?journey=workshop&session=ID&source=CODE. Only short
  // strings are passed on; the bot checks every value against its allowlist.
  function startFromAddress() {
    const start = {};
    let count = 0;
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (name === 'transport' || name === 'embed' || count >= 12) return;
      if (!/^[a-z]{1,20}$/.test(name) || value.length > 200) return;
      start[name] = value;
      count += 1;
    });
    return start;
  }

  // When Direct Line connects, tell the bot how the chat was opened (webchat/join). The bot welcomes
  // on this event, or opens the linked journey.
  function joinOnConnect(start) {
    let joined = false;
    return function (api) {
      return function (next) {
        return function (action) {
          const result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !joined) {
            joined = true;
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: start } });
          }
          return result;
        };
      };
    };
  }

  function fallBackToPollingIfSilent(directLine, settings) {
    let heard = false;
    const subscription = directLine.activity$.subscribe(() => {
      heard = true;
    });
    setTimeout(() => {
      subscription.unsubscribe();
      if (heard || !current || current.directLine !== directLine) return;
      console.warn('The chat stream did not connect: switching to polling.');
      clear();
      start(Object.assign({}, settings, { webSocket: false }));
    }, FALLBACK_AFTER_MS);
  }

  function clear() {
    if (!current) return;
    try {
      current.directLine.end();
    } catch {
      // already ended
    }
    current.container.textContent = '';
    current = null;
  }

  window.SaferKingstonChat = { start, clear };

  function autostart() {
    const container = document.getElementById('chat');
    if (container && container.dataset.autostart !== 'false') start({ container });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autostart);
  else autostart();
})();
