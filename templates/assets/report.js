'use strict';
// Comparison report behaviour: kind filters, text search, side-by-side and noise toggles, n/p
// keyboard navigation. Everything works on the DOM the server rendered; nothing is fetched.
(function () {
  var root = document.getElementById('_changes');
  if (!root) return;
  var cards = Array.prototype.slice.call(root.querySelectorAll('.card'));
  var status = document.getElementById('_status');
  var current = -1;

  function say(text) { if (status) status.textContent = text; }
  function visible(card) { return !card.classList.contains('filtered-out') && !card.classList.contains('search-miss'); }
  function isChange(card) { return card.getAttribute('data-kind') !== 'unchanged'; }

  // Kind filters: a card shows when its kind is ticked.
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter-kind]'));
  function applyFilters() {
    var on = {};
    kindBoxes.forEach(function (box) { on[box.getAttribute('data-filter-kind')] = box.checked; });
    var shown = 0;
    cards.forEach(function (card) {
      // A card shows when any of its kinds is ticked (a renamed and modified section is both).
      var keep = card.getAttribute('data-kinds').split(' ').some(function (k) { return on[k] !== false; });
      card.classList.toggle('filtered-out', !keep);
      if (keep && visible(card)) shown++;
    });
    say(shown + ' of ' + cards.length + ' sections shown');
  }
  kindBoxes.forEach(function (box) { box.addEventListener('change', applyFilters); });

  // Search over each card's text (the side-by-side copies excluded; the spoken labels are CSS).
  var texts = null;
  function cardText(card) {
    var clone = card.cloneNode(true);
    Array.prototype.forEach.call(clone.querySelectorAll('.side'), function (el) { el.remove(); });
    return clone.textContent.toLowerCase();
  }
  var search = document.getElementById('_search');
  var timer = 0;
  function applySearch() {
    var query = search.value.trim().toLowerCase();
    if (query !== '' && texts === null) texts = cards.map(cardText);
    var hits = 0;
    cards.forEach(function (card, i) {
      var miss = query !== '' && texts[i].indexOf(query) === -1;
      card.classList.toggle('search-miss', miss);
      if (!miss && query !== '') {
        hits++;
        // A hit inside a collapsed unchanged section opens it, so the reader sees the words.
        var details = card.querySelector('details.unchanged-body');
        if (details) details.open = true;
      }
    });
    if (query === '') applyFilters();
    else say(hits + (hits === 1 ? ' section contains “' : ' sections contain “') + search.value.trim() + '”');
  }
  if (search) search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applySearch, 120); });

  // Toggles: aria-pressed buttons that set a class on the changes container.
  Array.prototype.forEach.call(document.querySelectorAll('button[data-toggle]'), function (button) {
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      var name = button.getAttribute('data-toggle');
      if (name === 'sbs' && on) buildSideBySide();
      if (name === 'expand') {
        Array.prototype.forEach.call(root.querySelectorAll('details'), function (d) { d.open = on; });
        return;
      }
      root.classList.toggle(name, on);
    });
  });

  // Side by side: each changed paragraph is cloned once into an old column (insertions hidden)
  // and a new column (deletions hidden), built on first use. In the markup, the copies made the CNCF
  // PDF pair's report 48% larger (547 kB, not 368) and its load in Chromium 50% slower, while building
  // them adds ~40 ms to a toggle whose relayout takes ~600 ms. Nothing is lost meanwhile: the inline
  // paragraph holds both texts for find and print, and once on, the columns do.
  var sbsBuilt = false;
  function buildSideBySide() {
    if (sbsBuilt) return;
    sbsBuilt = true;
    Array.prototype.forEach.call(root.querySelectorAll('.blk.op-changed > .inline, .blk.op-moved-changed > .inline'), function (inline) {
      ['old', 'new'].forEach(function (side) {
        var copy = inline.cloneNode(true);
        copy.className = 'side side-' + side;
        copy.setAttribute('aria-label', (side === 'old' ? 'old text, ' : 'new text, ') + root.getAttribute('data-' + side));
        copy.setAttribute('role', 'group');
        inline.parentNode.appendChild(copy);
      });
    });
  }

  // n / p: next / previous change among the sections currently shown.
  function go(step) {
    var n = cards.length;
    for (var k = 1; k <= n; k++) {
      var i = current + step * k;
      if (i < 0 || i >= n) break;
      var card = cards[i];
      if (visible(card) && isChange(card)) {
        if (current >= 0) cards[current].classList.remove('current');
        current = i;
        card.classList.add('current');
        card.focus({preventScroll: true});
        // Below the sticky controls, not under them.
        var controls = root.querySelector('.controls');
        var sticky = controls && getComputedStyle(controls).position === 'sticky';
        var top = card.getBoundingClientRect().top + window.scrollY - (sticky ? controls.offsetHeight : 0) - 8;
        window.scrollTo(0, Math.max(0, top));
        if (history.replaceState) history.replaceState(null, '', '#' + card.id);
        say('Change ' + (changesBefore(i) + 1) + ': ' + (card.getAttribute('data-title') || card.id));
        return;
      }
    }
    say(step > 0 ? 'No further change' : 'No earlier change');
  }
  function changesBefore(i) {
    var count = 0;
    for (var j = 0; j < i; j++) if (visible(cards[j]) && isChange(cards[j])) count++;
    return count;
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    if (event.key === 'n') { event.preventDefault(); go(1); }
    else if (event.key === 'p') { event.preventDefault(); go(-1); }
  });
  // Start n/p from a permalinked card.
  if (location.hash.length > 1) {
    var start = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var at = cards.indexOf(start);
    if (at >= 0) { current = at; start.classList.add('current'); }
  }
  applyFilters();
})();
