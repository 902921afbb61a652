// Quick exit, after the GOV.UK "Exit this page" pattern: a button, or pressing Shift three times
// (within 5 seconds, with no other key between). It hides the page at once, ends the chat,
// clears this site's sessionStorage, and replaces the page with a neutral site using
// location.replace, so Back does not return here. In the widget (the page inside an iframe) it also
// asks the host page to leave, through postMessage to embed.js.
//
// It does NOT clear the browser's history: the page says so and links to safety advice.
(function () {
  'use strict';

  const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
  const SHIFT_WINDOW_MS = 5000; // as GOV.UK: three presses within 5 seconds
  const SHIFT_PRESSES = 3;
  const EXIT_MESSAGE = 'saferkingston:exit';

  let exiting = false;

  // Inside the embed widget (?embed=1) the page drops its header and footer (see chat.css).
  // There, Escape asks the host page (embed.js) to close the panel and take focus back.
  const embedded = new URLSearchParams(location.search).get('embed') === '1';
  if (embedded) {
    document.documentElement.classList.add('embedded');
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window) {
        window.parent.postMessage({ type: 'saferkingston:close' }, '*');
      }
    });
  }

  function exitUrl() {
    const configured = document.documentElement.dataset.exitUrl;
    return configured && /^https?:\/\//.test(configured) ? configured : DEFAULT_EXIT_URL;
  }

  function exitNow() {
    if (exiting) return;
    exiting = true;
    // 1. Nothing of the page stays on screen, even for a moment.
    document.documentElement.classList.add('quick-exit--active');
    if (document.body) document.body.textContent = '';
    document.title = 'Loading';
    // 2. The conversation ends and leaves nothing in this tab.
    try {
      if (window.SaferKingstonChat) window.SaferKingstonChat.clear();
    } catch {
      // the chat may not have started
    }
    try {
      window.sessionStorage.clear();
    } catch {
      // storage may be blocked
    }
    // 3. In the widget, the host page leaves too.
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ type: EXIT_MESSAGE }, '*');
    }
    window.location.replace(exitUrl());
  }

  function watchShift() {
    let presses = [];
    document.addEventListener(
      'keydown',
      function (event) {
        if (event.key !== 'Shift') {
          presses = [];
          return;
        }
        if (event.repeat) return;
        const now = Date.now();
        presses = presses.filter((t) => now - t < SHIFT_WINDOW_MS);
        presses.push(now);
        if (presses.length >= SHIFT_PRESSES) exitNow();
      },
      true,
    );
  }

  function addButton() {
    const tools = document.getElementById('page-tools');
    if (!tools || tools.querySelector('.quick-exit')) return;
    const wrapper = document.createElement('div');
    wrapper.className = 'quick-exit';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quick-exit__button';
    button.textContent = 'Exit this page';
    button.addEventListener('click', exitNow);
    const hint = document.createElement('p');
    hint.className = 'quick-exit__hint';
    hint.id = 'quick-exit-hint';
    hint.textContent = 'Or press Shift 3 times';
    button.setAttribute('aria-describedby', hint.id);
    wrapper.append(button, hint);
    tools.appendChild(wrapper);
  }

  // The page's CSS sizes the chat to the screen left under the sticky header (see chat.css), so it
  // needs the header's height, which changes as the header wraps or the text is zoomed.
  function trackHeaderHeight() {
    const header = document.querySelector('.site-header');
    if (!header) return;
    const update = function () {
      document.documentElement.style.setProperty('--sk-header-height', header.offsetHeight + 'px');
    };
    update();
    if ('ResizeObserver' in window) new window.ResizeObserver(update).observe(header);
    else window.addEventListener('resize', update);
  }

  function onReady() {
    addButton();
    trackHeaderHeight();
  }

  window.SaferKingstonQuickExit = { exit: exitNow };
  watchShift();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
  else onReady();
})();
