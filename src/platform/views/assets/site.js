// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js');

// Print buttons (hidden without JavaScript, where the page says how to print instead).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});

// Error summaries take focus so screen reader users hear the problem first.
var summary = document.querySelector('[data-autofocus]');
if (summary) summary.focus();

// Booking: choose a day, or browse earlier and later weeks, without a full page reload. The
// server renders the same page for the new choice; only its times section is swapped in.
document.addEventListener('click', function (event) {
  var link =
    event.target instanceof Element ? event.target.closest('#times .pager a, #times .day-picker a') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  var section = document.getElementById('times');
  if (!section || !window.fetch || !window.DOMParser) return;
  event.preventDefault();
  var url = link.href;
  // A chosen day moves focus to its times; a new week to the section's heading.
  var focusTarget = link.closest('.day-picker') ? '.dt-day' : 'h2';
  section.setAttribute('aria-busy', 'true');
  fetch(url, { credentials: 'same-origin' })
    .then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.text();
    })
    .then(function (html) {
      var next = new DOMParser().parseFromString(html, 'text/html').getElementById('times');
      if (!next) throw new Error('no times in response');
      section.replaceWith(next);
      history.pushState(null, '', url);
      var heading = next.querySelector(focusTarget) || next.querySelector('h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    })
    .catch(function () {
      window.location.href = url;
    });
});

window.addEventListener('popstate', function () {
  if (document.getElementById('times')) window.location.reload();
});

// Staff pages: one-key shortcuts for the commonest actions (links marked data-shortcut, also
// announced with aria-keyshortcuts). Never while typing in a field, never with a modifier key.
document.addEventListener('keydown', function (event) {
  if (!document.body.classList.contains('staff')) return;
  if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
  var target = event.target;
  if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
  if (!/^[a-z]$/.test(event.key)) return;
  var link = document.querySelector('[data-shortcut="' + event.key + '"]');
  if (!link) return;
  event.preventDefault();
  link.click();
});

// Staff: today's schedule refreshes itself (data-refresh seconds). The server renders the same
// page; only the schedule section is swapped, and never while someone is using it (focus inside,
// or the tab hidden), so a click or a half-typed filter is not lost. Without JavaScript the
// section has a refresh link.
(function () {
  var section = document.querySelector('[data-refresh]');
  if (!section) return;
  var seconds = Number(section.getAttribute('data-refresh')) || 60;
  setInterval(function () {
    var current = document.getElementById('schedule');
    if (!current || document.hidden || current.contains(document.activeElement)) return;
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok && !response.redirected ? response.text() : undefined;
      })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('schedule');
        if (fresh && !current.contains(document.activeElement)) current.innerHTML = fresh.innerHTML;
      })
      .catch(function () {});
  }, seconds * 1000);
})();
