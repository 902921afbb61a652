// The Safer Kingston chat widget. A community group pastes one tag into its site:
//
//   <script src="https://SERVICE/embed.js" data-source="GROUPCODE" data-journey="workshop" defer></script>
//
// and gets a floating "Chat with Safer Kingston" button that opens the service's chat page in a
// panel (an iframe). Attributes (all optional):
//   data-journey   the journey to open (bystander, report, support, workshop, volunteer, themes)
//   data-source    the group's source code (letters, digits, hyphens), counted in the staff insights
//   data-session, data-ward, data-topic, data-passage, data-route, data-audience
//                  the journey's options (the staff links page gives the right ones)
//   data-label     the button's text; data-exit-url  where the quick exit goes (default BBC Weather)
//
// Nothing loads from the service until the button is pressed. The panel is keyboard and screen
// reader friendly: the button says whether the panel is open, focus moves into the panel and back,
// Escape closes it. "Exit this page" (or Shift three times) leaves the host page at once.
(function () {
  'use strict';

  if (window.SaferKingstonWidget) return;

  const script =
    document.currentScript || document.querySelector('script[src$="/embed.js"], script[src*="/embed.js?"]');
  if (!script) return;
  const serviceOrigin = new URL(script.src, location.href).origin;
  const data = script.dataset;
  const RESERVED = ['label', 'exitUrl', 'position'];
  const EXIT_URL =
    data.exitUrl && /^https?:\/\//.test(data.exitUrl) ? data.exitUrl : 'https://www.bbc.co.uk/weather';
  const LABEL = (data.label || 'Chat with Safer Kingston').slice(0, 60);
  const SHIFT_WINDOW_MS = 5000;

  let launcher;
  let panel;
  let frame;
  let exiting = false;

  function chatAddress() {
    const url = new URL('/chat', serviceOrigin);
    url.searchParams.set('embed', '1');
    Object.keys(data).forEach(function (name) {
      if (RESERVED.indexOf(name) !== -1) return;
      const value = String(data[name]).slice(0, 200);
      if (/^[a-z]{1,20}$/.test(name) && value) url.searchParams.set(name, value);
    });
    return url.toString();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function build() {
    const styles = element('link');
    styles.rel = 'stylesheet';
    styles.href = serviceOrigin + '/embed.css';
    document.head.appendChild(styles);

    launcher = element('button', 'skw-launcher', LABEL);
    launcher.type = 'button';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'skw-panel');
    launcher.addEventListener('click', function () {
      if (panel.hidden) open();
      else close();
    });

    panel = element('section', 'skw-panel');
    panel.id = 'skw-panel';
    panel.hidden = true;
    panel.setAttribute('aria-labelledby', 'skw-title');
    const header = element('div', 'skw-header');
    const title = element('h2', 'skw-title', 'Safer Kingston chat');
    title.id = 'skw-title';
    title.tabIndex = -1;
    const exit = element('button', 'skw-exit', 'Exit this page');
    exit.type = 'button';
    exit.setAttribute('aria-describedby', 'skw-exit-hint');
    exit.addEventListener('click', exitNow);
    const hint = element('p', 'skw-hint');
    const hintText = element(
      'span',
      '',
      'Or press Shift 3 times. This does not clear your browsing history. ',
    );
    hintText.id = 'skw-exit-hint';
    hint.appendChild(hintText);
    const advice = element('a', '', 'Staying safe online (opens in a new tab)');
    advice.href = serviceOrigin + '/privacy#staying-safe-online';
    advice.target = '_blank';
    advice.rel = 'noopener noreferrer';
    hint.appendChild(advice);
    hint.appendChild(document.createTextNode(' '));
    const statement = element('a', '', 'Accessibility (opens in a new tab)');
    statement.href = serviceOrigin + '/accessibility';
    statement.target = '_blank';
    statement.rel = 'noopener noreferrer';
    hint.appendChild(statement);
    const closeButton = element('button', 'skw-close', 'Close');
    closeButton.type = 'button';
    closeButton.setAttribute('aria-label', 'Close the chat');
    closeButton.addEventListener('click', close);
    header.append(title, exit, closeButton);
    panel.append(header, hint);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });

    const root = element('div', 'skw-root');
    root.append(panel, launcher);
    document.body.appendChild(root);
  }

  function open() {
    if (!frame) {
      frame = element('iframe', 'skw-frame');
      frame.title = 'Safer Kingston chat';
      frame.src = chatAddress();
      frame.referrerPolicy = 'no-referrer';
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    panel.querySelector('.skw-title').focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  // Leaves at once: hides the host page, ends the chat (removing the frame ends its tab's copy),
  // and replaces the page with the neutral site so Back does not return here.
  function exitNow() {
    if (exiting) return;
    exiting = true;
    document.documentElement.style.visibility = 'hidden';
    if (frame) frame.remove();
    frame = undefined;
    document.title = 'Loading';
    window.location.replace(EXIT_URL);
  }

  // The chat page inside the frame asks to exit (its button or Shift x3) or to close (Escape).
  window.addEventListener('message', function (event) {
    if (event.origin !== serviceOrigin || !frame || event.source !== frame.contentWindow) return;
    const type = event.data && event.data.type;
    if (type === 'saferkingston:exit') exitNow();
    else if (type === 'saferkingston:close') close();
  });

  // Shift three times on the host page exits too, while the chat is open.
  let presses = [];
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    if (event.repeat || !panel || panel.hidden) return;
    const now = Date.now();
    presses = presses.filter(function (t) {
      return now - t < SHIFT_WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= 3) exitNow();
  });

  window.SaferKingstonWidget = {
    open: function () {
      open();
    },
    close: close,
    exit: exitNow,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', build);
  else build();
})();
