// The desk's little script: running SLA clocks, and the live list (an event from ticket-service, relayed by
// /desk/events, means "the list changed": fetch it again, highlight what is new, beep). No framework.
(function () {
  'use strict';

  function hms(s) {
    var a = Math.abs(s), h = Math.floor(a / 3600), m = Math.floor(a / 60) % 60, x = a % 60;
    return (s < 0 ? '\u2212' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':' + (x < 10 ? '0' : '') + x;
  }

  // Each clock counts from the seconds the server gave when the list was drawn (business time: it may stand
  // still outside business hours; the next refresh corrects it).
  var drawnAt = Date.now();
  function tick() {
    var passed = Math.floor((Date.now() - drawnAt) / 1000);
    document.querySelectorAll('time.clock[data-left]').forEach(function (el) {
      if (!el.dataset.base) { el.dataset.base = el.dataset.left; el.dataset.since = String(passed); }
      var left = parseInt(el.dataset.base, 10) - (passed - parseInt(el.dataset.since, 10));
      el.textContent = hms(left) + (left < 0 ? ' ' + (el.dataset.overdue || '') : '');
      el.classList.toggle('overdue', left < 0);
    });
  }
  setInterval(tick, 1000);
  tick();

  // A request's form is sent once: the button goes grey on the first press (the form's Idempotency-Key makes a
  // second one that slips through the same request anyway).
  document.querySelectorAll('form.request-compensation').forEach(function (form) {
    form.addEventListener('submit', function () {
      var b = form.querySelector('button');
      setTimeout(function () { if (b) { b.disabled = true; } }, 0);
    });
  });

  // A ticket's compensations: while one waits for approval, ask again every 5 s (no stream tells the agent of a
  // decision), and stop once none waits.
  var comps = document.getElementById('compensations');
  if (comps && comps.dataset.source) {
    var compTimer = setInterval(function () {
      if (!comps.querySelector('[data-status=PENDING]')) { clearInterval(compTimer); return; }
      fetch(comps.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
        .then(function (html) { if (html !== null) { comps.innerHTML = html; } })
        .catch(function () { /* the next round tries again */ });
    }, 5000);
  }

  // The supervisor's page: each section says which events concern it (data-on) and is fetched again alone
  // (/supervision/part/<name>) when one comes, over the relayed supervision stream; every 10 s without one.
  var board = document.getElementById('board');
  if (board) {
    var parts = Array.prototype.slice.call(board.querySelectorAll('section[data-part]'));
    var busy = {}, owed = {};
    var refreshPart = function (section) {
      var name = section.dataset.part, holder = section.querySelector('.part');
      // never under the user's hands: a section being typed or chosen in is refreshed once they leave it
      if (section.contains(document.activeElement) && document.activeElement !== document.body) {
        owed[name] = true; return;
      }
      if (busy[name]) { owed[name] = true; return; }
      busy[name] = true;
      fetch('/supervision/part/' + name, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) {
          if (r.redirected || r.status === 401) { window.location.href = '/signin?expired=true'; return null; }
          return r.ok ? r.text() : null;
        })
        .then(function (html) { if (html !== null) { holder.innerHTML = html; drawnAt = Date.now(); tick(); } })
        .catch(function () { /* the next event or poll tries again */ })
        .then(function () {
          busy[name] = false;
          if (owed[name]) { owed[name] = false; refreshPart(section); }
        });
    };
    parts.forEach(function (section) {
      section.addEventListener('focusout', function () {
        setTimeout(function () {
          if (owed[section.dataset.part] && !section.contains(document.activeElement)) {
            owed[section.dataset.part] = false; refreshPart(section);
          }
        }, 0);
      });
    });
    var refreshFor = function (name) {
      parts.forEach(function (section) {
        if (name === 'all' || (' ' + section.dataset.on + ' ').indexOf(' ' + name + ' ') >= 0) { refreshPart(section); }
      });
    };
    var boardLive = document.getElementById('live');
    var boardPoll = null;
    var pollBoard = function () { if (!boardPoll) { boardPoll = setInterval(function () { refreshFor('all'); }, 10000); } };
    if (window.EventSource && board.dataset.events) {
      var stream = new EventSource(board.dataset.events);
      ['queued', 'assigned', 'breached', 'escalated', 'closed', 'approval-waiting', 'approval-decided'].forEach(function (name) {
        stream.addEventListener(name, function () { refreshFor(name); });
      });
      stream.addEventListener('reset', function () { refreshFor('all'); });
      stream.addEventListener('open', function () {
        if (boardLive) { boardLive.textContent = '\u25CF ' + (boardLive.dataset.label || ''); }
        if (boardPoll) { clearInterval(boardPoll); boardPoll = null; }
      });
      stream.addEventListener('unavailable', function () { if (boardLive) { boardLive.textContent = ''; } pollBoard(); });
      stream.addEventListener('error', function () { if (boardLive) { boardLive.textContent = ''; } });
    } else {
      pollBoard();
    }
    return;
  }

  var list = document.getElementById('desk-list');
  if (!list) { return; }
  var live = document.getElementById('live');

  // Sound needs a user gesture first (autoplay rules): the context is made on the first click or key.
  var audio = null;
  function unlock() {
    if (!audio && window.AudioContext) { audio = new AudioContext(); }
  }
  document.addEventListener('click', unlock, { once: true });
  document.addEventListener('keydown', unlock, { once: true });
  function beep() {
    if (!audio || audio.state !== 'running') { return; }
    var o = audio.createOscillator(), g = audio.createGain();
    o.frequency.value = 880; g.gain.value = 0.1;
    o.connect(g); g.connect(audio.destination);
    o.start(); o.stop(audio.currentTime + 0.15);
  }

  function ids() {
    var seen = {};
    list.querySelectorAll('tr[data-ticket]').forEach(function (tr) { seen[tr.dataset.ticket] = true; });
    return seen;
  }

  var refreshing = false, again = false;
  function refresh(cue) {
    if (refreshing) { again = true; return; }
    refreshing = true;
    var before = ids();
    fetch(list.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) {
        if (r.redirected || r.status === 401) { window.location.href = '/signin?expired=true'; return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        list.innerHTML = html;
        var fresh = 0;
        list.querySelectorAll('tr[data-ticket]').forEach(function (tr) {
          if (!before[tr.dataset.ticket]) { tr.classList.add('fresh'); fresh++; }
        });
        drawnAt = Date.now(); tick();
        if (cue && fresh > 0) { beep(); }
      })
      .catch(function () { /* the next event or poll tries again */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(cue); }
      });
  }

  var poll = null;
  function startPolling() { if (!poll) { poll = setInterval(function () { refresh(true); }, 10000); } }

  if (window.EventSource && list.dataset.events) {
    var events = new EventSource(list.dataset.events);
    ['assigned', 'unassigned', 'escalated', 'call-now', 'closed', 'reset'].forEach(function (name) {
      events.addEventListener(name, function () { refresh(name !== 'unassigned' && name !== 'closed'); });
    });
    events.addEventListener('open', function () {
      if (live) { live.textContent = '\u25CF ' + (live.dataset.label || ''); }
      if (poll) { clearInterval(poll); poll = null; }
    });
    // no stream behind the relay: poll until it comes back (the relay told the browser when to retry)
    events.addEventListener('unavailable', function () { if (live) { live.textContent = ''; } startPolling(); });
    events.addEventListener('error', function () { if (live) { live.textContent = ''; } });
  } else {
    startPolling();
  }
})();
