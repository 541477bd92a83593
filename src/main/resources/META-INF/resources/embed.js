/*
 * Planwatch embed script. Put an element where the view should appear, then load this script once:
 *
 *   <div data-planwatch="measures" data-plan="2019-2021" data-axis="3" data-status="NOT_IMPLEMENTED"></div>
 *   <script src="https://YOUR-PLANWATCH/embed.js" async></script>
 *
 * Views: progress (data-plan), measures (data-plan, data-axis, data-status, data-q), measure (data-plan, data-number).
 * Options: data-lang="fr|en", data-layout="full|compact", data-style="none" (no default styles: only yours).
 * It reads the public API (CORS is open) and builds plain HTML with planwatch-* classes, to style with your own CSS.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : location.origin;
  var api = origin + '/api/v1';
  var ICONS = { IMPLEMENTED: '✓', PARTIALLY_IMPLEMENTED: '◐', NOT_IMPLEMENTED: '✗', NOT_ASSESSED: '?' };
  var WORDS = {
    fr: { measure: 'Mesure', axis: 'Axe', measures: 'mesures', none: 'Aucune mesure ne correspond.', see: 'Voir sur Planwatch',
          error: 'Planwatch ne répond pas pour le moment.', history: 'Historique des évaluations',
          IMPLEMENTED: 'Réalisée', PARTIALLY_IMPLEMENTED: 'Partiellement réalisée', NOT_IMPLEMENTED: 'Non réalisée', NOT_ASSESSED: 'Non évaluée' },
    en: { measure: 'Measure', axis: 'Axis', measures: 'measures', none: 'No measure matches.', see: 'See on Planwatch',
          error: 'Planwatch does not answer right now.', history: 'Assessment history',
          IMPLEMENTED: 'Implemented', PARTIALLY_IMPLEMENTED: 'Partially implemented', NOT_IMPLEMENTED: 'Not implemented', NOT_ASSESSED: 'Not assessed' }
  };
  var COLOURS = { IMPLEMENTED: '#1b6e2e', PARTIALLY_IMPLEMENTED: '#9a4a00', NOT_IMPLEMENTED: '#b0212b', NOT_ASSESSED: '#5b6068' };
  var CSS = ':where(.planwatch) .planwatch-status-icon{display:inline-block;min-width:1.3em;text-align:center;font-weight:700;color:#fff;border-radius:50%}' +
    ':where(.planwatch) .planwatch-list{list-style:none;padding:0}:where(.planwatch) .planwatch-list li{padding:.3em 0;border-bottom:1px solid #ccc}' +
    ':where(.planwatch) .planwatch-bar{display:flex;height:1.5em;border-radius:3px;overflow:hidden}' +
    ':where(.planwatch) .planwatch-counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25em 1em}';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ' answered ' + r.status); }
      return r.json();
    });
  }
  function status(code, words) {
    var span = el('span', 'planwatch-status planwatch-status-' + code.toLowerCase().replace(/_/g, '-'));
    var icon = el('span', 'planwatch-status-icon', ICONS[code]);
    icon.setAttribute('aria-hidden', 'true');
    icon.style.background = COLOURS[code];
    span.appendChild(icon);
    span.appendChild(document.createTextNode(' ' + words[code]));
    return span;
  }
  function link(href, text) {
    var a = el('a', 'planwatch-link', text);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener';
    return a;
  }
  function plan(slug) {
    return slug ? Promise.resolve(slug) : get(api + '/plans?limit=1').then(function (page) { return page.items[0].slug; });
  }
  function allMeasures(url, items) {
    return get(url).then(function (page) {
      items = (items || []).concat(page.items);
      if (!page.nextCursor) { return items; }
      return allMeasures(url.replace(/&cursor=[^&]*/, '') + '&cursor=' + encodeURIComponent(page.nextCursor), items);
    });
  }

  var views = {
    progress: function (box, o, words) {
      return plan(o.plan).then(function (slug) { return get(api + '/plans/' + encodeURIComponent(slug)); }).then(function (p) {
        box.appendChild(el('p', 'planwatch-title', p.title));
        var bar = el('div', 'planwatch-bar');
        bar.setAttribute('role', 'img');
        bar.setAttribute('aria-label', p.progress.statuses.map(function (s) { return words[s.status] + ' ' + s.count; }).join(', '));
        var counts = el('ul', 'planwatch-counts');
        p.progress.statuses.forEach(function (s) {
          if (s.count > 0) {
            var part = el('span', 'planwatch-bar-' + s.status.toLowerCase().replace(/_/g, '-'));
            part.style.flex = String(s.count);
            part.style.background = COLOURS[s.status];
            bar.appendChild(part);
          }
          var li = el('li', 'planwatch-count');
          li.dataset.status = s.status;
          li.appendChild(status(s.status, words));
          li.appendChild(document.createTextNode(' : ' + s.count + ' (' + Math.round(s.share * 1000) / 10 + ' %)'));
          counts.appendChild(li);
        });
        box.appendChild(bar);
        box.appendChild(counts);
        box.appendChild(link(origin + '/plans/' + p.slug, words.see));
      });
    },
    measures: function (box, o, words) {
      return plan(o.plan).then(function (slug) {
        var query = '?limit=200';
        if (o.axis) { query += '&axis=' + encodeURIComponent(o.axis); }
        (o.status || '').split(',').filter(Boolean).forEach(function (s) { query += '&status=' + encodeURIComponent(s.trim()); });
        if (o.q) { query += '&q=' + encodeURIComponent(o.q); }
        return allMeasures(api + '/plans/' + encodeURIComponent(slug) + '/measures' + query).then(function (items) {
          if (!items.length) { box.appendChild(el('p', 'planwatch-empty', words.none)); return; }
          var list = el('ul', 'planwatch-list');
          items.forEach(function (m) {
            var li = el('li', 'planwatch-measure');
            li.dataset.number = m.number;
            li.dataset.status = m.status;
            li.appendChild(link(origin + '/plans/' + slug + '/measures/' + m.number, words.measure + ' ' + m.number));
            li.appendChild(document.createTextNode(' – ' + m.title + ' '));
            li.appendChild(status(m.status, words));
            if (o.layout !== 'compact') { li.appendChild(el('span', 'planwatch-axis', ' (' + words.axis + ' ' + m.axis.number + ')')); }
            list.appendChild(li);
          });
          box.appendChild(list);
        });
      });
    },
    measure: function (box, o, words) {
      return plan(o.plan).then(function (slug) {
        return get(api + '/plans/' + encodeURIComponent(slug) + '/measures/' + encodeURIComponent(o.number || '1'));
      }).then(function (m) {
        box.appendChild(el('p', 'planwatch-title', words.measure + ' ' + m.number + '. ' + m.title));
        var current = el('p', 'planwatch-current');
        current.appendChild(status(m.status, words));
        box.appendChild(current);
        if (o.layout !== 'compact' && m.assessments.length) {
          box.appendChild(el('p', 'planwatch-subtitle', words.history));
          var list = el('ol', 'planwatch-list planwatch-timeline');
          m.assessments.forEach(function (a) {
            var li = el('li', 'planwatch-assessment');
            li.appendChild(document.createTextNode(a.evaluation.date + ' – ' + (a.evaluation.evaluator.shortName || a.evaluation.evaluator.name) + ' : '));
            li.appendChild(status(a.status, words));
            if (a.comment) { li.appendChild(el('q', 'planwatch-comment', a.comment)); }
            list.appendChild(li);
          });
          box.appendChild(list);
        }
        box.appendChild(link(origin + '/plans/' + m.plan + '/measures/' + m.number, words.see));
      });
    }
  };

  function render(box) {
    if (box.dataset.planwatchRendered) { return; }
    box.dataset.planwatchRendered = 'true';
    var o = box.dataset;
    var lang = o.lang === 'en' ? 'en' : 'fr';
    var words = WORDS[lang];
    var view = views[o.planwatch] || views.measures;
    box.classList.add('planwatch');
    box.setAttribute('lang', lang);
    box.setAttribute('aria-busy', 'true');
    box.textContent = '';
    view(box, o, words).catch(function () {
      box.textContent = '';
      box.appendChild(el('p', 'planwatch-error', words.error));
    }).then(function () {
      box.setAttribute('aria-busy', 'false');
      box.dataset.planwatchReady = 'true';
    });
  }

  if (!document.getElementById('planwatch-embed-style') && !document.querySelector('[data-planwatch][data-style="none"]')) {
    var style = el('style', null, CSS);
    style.id = 'planwatch-embed-style';
    document.head.appendChild(style);
  }
  function renderAll() { Array.prototype.forEach.call(document.querySelectorAll('[data-planwatch]'), render); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', renderAll); } else { renderAll(); }
  window.Planwatch = { render: renderAll };
})();
