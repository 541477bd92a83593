// Planwatch dashboard: makes the measure filters instant. Without this script the same filters work as a plain form.
(function () {
  'use strict';
  var form = document.getElementById('measure-filters');
  var table = document.getElementById('measures');
  if (!form || !table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var shown = document.getElementById('shown');
  var csv = document.getElementById('csv-link');
  // The same folding as the server's search: accents removed, ligatures spelled out, lower case.
  function fold(text) {
    return text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/’/g, "'")
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function apply() {
    var axis = form.elements.axis.value;
    var status = form.elements.status.value;
    var overdue = form.elements.overdue ? form.elements.overdue.value : '';
    var words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var match = (!axis || row.dataset.axis === axis) && (!status || row.dataset.status === status) &&
        (!overdue || row.dataset.overdue === overdue) &&
        words.every(function (w) { return row.dataset.search.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) { count++; }
    });
    shown.textContent = shown.dataset.pattern.replace('%d', count).replace('%d', rows.length);
    var params = new URLSearchParams();
    if (axis) { params.set('axis', axis); }
    if (status) { params.set('status', status); }
    if (overdue) { params.set('overdue', overdue); }
    if (form.elements.q.value.trim()) { params.set('q', form.elements.q.value.trim()); }
    var query = params.toString();
    if (csv) { csv.href = csv.dataset.base + (query ? '?' + query : ''); }
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
})();
