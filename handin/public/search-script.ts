/**
 * `assets/search.js`: the index page's search, the guide's only script. It
 * reads the index embedded in the page (a `<script type="application/json">`
 * data block, so that it works from `file://` where fetching a JSON file is
 * refused), reveals the search box (hidden without JavaScript: the full list
 * is the page then), and on each keystroke hides the powers that do not hold
 * every word typed, and the departments and categories left empty. A
 * separate file, no inline code: the page's CSP allows `script-src 'self'`
 * only. `?q=…` in the address pre-fills the box.
 */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var data = document.getElementById('guide-index');
  var form = document.getElementById('guide-search');
  var input = document.getElementById('guide-query');
  var status = document.getElementById('guide-status');
  if (!data || !form || !input || !status) return;
  var entries;
  try { entries = JSON.parse(data.textContent || '[]'); } catch (e) { return; }
  var items = entries.map(function (entry) { return { item: document.getElementById(entry.id), text: String(entry.text) }; })
    .filter(function (x) { return x.item; });
  function words(query) {
    return query.normalize('NFKC').toLowerCase().split(/[\\s,,、;;]+/).filter(Boolean);
  }
  function apply() {
    var terms = words(input.value);
    var shown = 0;
    items.forEach(function (x) {
      var match = terms.every(function (t) { return x.text.indexOf(t) >= 0; });
      x.item.hidden = !match;
      if (match) shown++;
    });
    document.querySelectorAll('section.category, section.department').forEach(function (section) {
      section.hidden = section.querySelector('li[id]:not([hidden])') === null;
    });
    if (terms.length === 0) { status.textContent = ''; return; }
    status.textContent = shown === 0 ? data.getAttribute('data-found-zero') : (shown === 1 ? data.getAttribute('data-found-one') : data.getAttribute('data-found-many')).replace(/\\d+/, String(shown));
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  input.addEventListener('input', apply);
  var given = new URLSearchParams(window.location.search).get('q');
  if (given) { input.value = given; apply(); }
})();
`;
