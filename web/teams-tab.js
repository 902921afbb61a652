// The Teams personal tab: the partnership's cross-cutting themes and upcoming workshops for partner
// agencies (from /api/tab-content), and a button that opens the chat with the bot.
// The content is fetched and shown at once, inside Teams or not. Teams is initialised only when the
// page runs inside a frame or the Teams app, and the initialisation is raced with a timeout, so the
// page never hangs (app.initialize waits up to 60 s in a frame that is not Teams). In Teams the page
// follows the Teams theme (default, dark, contrast) and the button opens the bot's chat in Teams.
(function () {
  'use strict';

  const TEAMS_TIMEOUT_MS = 3000;
  const THEMES = ['default', 'dark', 'contrast'];
  let teamsChatLink;
  let inTeams = false;

  function applyTheme(theme) {
    document.documentElement.dataset.theme = THEMES.indexOf(theme) !== -1 ? theme : 'default';
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  const dateFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });

  function show(listId, statusId, items, empty, render) {
    const list = document.getElementById(listId);
    const status = document.getElementById(statusId);
    list.textContent = '';
    items.forEach(function (item) {
      const card = element('li', 'card');
      render(card, item);
      list.appendChild(card);
    });
    list.hidden = items.length === 0;
    status.textContent = items.length === 0 ? empty : '';
    status.hidden = items.length > 0;
  }

  function render(content) {
    teamsChatLink = content.teamsChatLink;
    show('themes', 'themes-status', content.themes, 'There are no themes to show.', function (card, theme) {
      card.appendChild(element('h3', '', theme.title));
      card.appendChild(element('p', '', theme.summary));
      const link = element('a', '', 'Ask about ' + theme.title.toLowerCase());
      link.href = theme.webLink;
      link.addEventListener('click', openChat);
      const p = element('p');
      p.appendChild(link);
      card.appendChild(p);
    });
    show(
      'workshops',
      'workshops-status',
      content.workshops,
      'No workshops for partner agencies are planned yet. Ask the helper to hear when there are.',
      function (card, workshop) {
        card.appendChild(element('h3', '', workshop.title));
        card.appendChild(element('p', '', dateFormat.format(new Date(workshop.start))));
        const where = workshop.venue || (workshop.format === 'online' ? 'Online' : '');
        if (where) card.appendChild(element('p', '', where));
      },
    );
  }

  // In Teams: open the one-to-one chat with the bot. Elsewhere the link goes to the web chat.
  function openChat(event) {
    if (!inTeams || !teamsChatLink || !window.microsoftTeams) return;
    event.preventDefault();
    window.microsoftTeams.app.openLink(teamsChatLink).catch(function () {
      location.href = event.currentTarget.href;
    });
  }

  async function loadContent() {
    try {
      const response = await fetch('/api/tab-content', { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error('status ' + response.status);
      render(await response.json());
    } catch {
      document.getElementById('themes-status').textContent =
        'Sorry, the themes could not load. Please refresh to try again.';
      document.getElementById('workshops-status').textContent = '';
    }
  }

  function mightBeTeams() {
    // Teams shows tabs in a frame (web, desktop) or in its mobile app's web view.
    return window.parent !== window || /Teams\//.test(navigator.userAgent) || !!window.nativeInterface;
  }

  async function initialiseTeams() {
    const teams = window.microsoftTeams;
    if (!teams || !mightBeTeams()) return;
    const timeout = new Promise(function (_resolve, reject) {
      setTimeout(function () {
        reject(new Error('not in Teams'));
      }, TEAMS_TIMEOUT_MS);
    });
    try {
      await Promise.race([teams.app.initialize(), timeout]);
      inTeams = true;
      const context = await teams.app.getContext();
      applyTheme(context.app && context.app.theme);
      teams.app.registerOnThemeChangeHandler(applyTheme);
    } catch {
      // Not in Teams (or Teams did not answer): the page works as an ordinary web page.
    }
  }

  document.getElementById('open-chat').addEventListener('click', openChat);
  loadContent();
  initialiseTeams();
})();
