// The HTML report's script (inline in every page; the page's Content-Security-Policy allows this
// script alone, by its SHA-256). No request, no library: diagrams fit the width with pan, zoom and
// a full-size toggle; a finding highlights its subjects in the diagrams; a filter by initiative;
// sortable tables; a search over ids and names. Without it the page still reads and prints.
(function () {
  'use strict';
  var indexElement = document.getElementById('cp-index');
  var index = indexElement ? JSON.parse(indexElement.textContent) : [];
  var byNode = {};  // Graphviz node name -> entry
  var byId = {};
  index.forEach(function (e) { byNode[e.node] = e; byId[e.id] = e; });

  function nodeName(g) {
    var t = g.querySelector(':scope > title');
    return t ? t.textContent : '';
  }

  // ---- Diagrams: fit, full size, pan and zoom ---------------------------------------------
  var diagrams = [];
  function setBox(d, x, y, w, h) {
    d.box = { x: x, y: y, w: w, h: h };
    d.svg.setAttribute('viewBox', x + ' ' + y + ' ' + w + ' ' + h);
  }
  function fit(d) {
    setBox(d, d.full.x, d.full.y, d.full.w, d.full.h);
    d.figure.classList.remove('cp-natural');
    d.svg.style.width = '';
  }
  function natural(d) {
    fit(d);
    d.figure.classList.add('cp-natural');
    d.svg.style.width = d.width;
  }
  function zoom(d, factor, cx, cy) {
    var b = d.box;
    var w = Math.min(d.full.w * 4, Math.max(b.w * factor, d.full.w / 40));
    var h = w * b.h / b.w;
    if (cx === undefined) { cx = b.x + b.w / 2; cy = b.y + b.h / 2; }
    setBox(d, cx - (cx - b.x) * w / b.w, cy - (cy - b.y) * h / b.h, w, h);
  }
  function toDiagram(d, event) {  // a pointer position in viewBox units
    var r = d.svg.getBoundingClientRect();
    return { x: d.box.x + (event.clientX - r.left) * d.box.w / r.width,
             y: d.box.y + (event.clientY - r.top) * d.box.h / r.height };
  }
  function button(text, title, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = title;
    b.addEventListener('click', action);
    return b;
  }
  document.querySelectorAll('figure[data-view]').forEach(function (figure) {
    var svg = figure.querySelector('svg');
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
    var v = svg.viewBox.baseVal;
    var d = { figure: figure, svg: svg, full: { x: v.x, y: v.y, w: v.width, h: v.height },
              width: svg.getAttribute('width') || (v.width + 'pt'), box: null };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
    fit(d);
    var controls = document.createElement('div');
    controls.className = 'cp-controls';
    controls.appendChild(button('Fit', 'Fit the width (double-click the diagram)', function () { fit(d); }));
    controls.appendChild(button('Full size', 'Natural size, scrolled', function () { natural(d); }));
    controls.appendChild(button('+', 'Zoom in (or the mouse wheel)', function () { zoom(d, 1 / 1.5); }));
    controls.appendChild(button('\u2212', 'Zoom out', function () { zoom(d, 1.5); }));
    figure.insertBefore(controls, figure.firstChild);
    svg.addEventListener('wheel', function (event) {
      if (figure.classList.contains('cp-natural')) return;
      event.preventDefault();
      var p = toDiagram(d, event);
      zoom(d, event.deltaY < 0 ? 1 / 1.2 : 1.2, p.x, p.y);
    }, { passive: false });
    var drag = null;
    svg.addEventListener('pointerdown', function (event) {
      if (figure.classList.contains('cp-natural')) return;
      drag = { x: event.clientX, y: event.clientY, box: d.box };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener('pointermove', function (event) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      var dx = (event.clientX - drag.x) * drag.box.w / r.width, dy = (event.clientY - drag.y) * drag.box.h / r.height;
      setBox(d, drag.box.x - dx, drag.box.y - dy, drag.box.w, drag.box.h);
    });
    svg.addEventListener('pointerup', function () { drag = null; });
    svg.addEventListener('dblclick', function () { fit(d); });
    diagrams.push(d);
  });

  // ---- Highlighting subjects ----------------------------------------------------------------
  // The nodes named `names` (Graphviz node names) get .cp-hit; the first diagram showing one
  // scrolls into view, zoomed in on it when the diagram is large.
  function highlight(names) {
    var wanted = {};
    names.forEach(function (n) { wanted[n] = true; });
    var first = null;
    diagrams.forEach(function (d) {
      var found = null;
      d.svg.querySelectorAll('g.node, g.cluster').forEach(function (g) {
        var hit = wanted[nodeName(g)] === true;
        g.classList.toggle('cp-hit', hit);
        if (hit && !found) found = g;
      });
      fit(d);
      if (found && !first) first = { d: d, g: found };
    });
    if (!first) return false;
    var d = first.d, b = first.g.getBBox(), m = first.g.getCTM(), s = d.svg.getCTM();
    if (m && s) {  // the node's box in viewBox units
      var k = s.inverse().multiply(m);
      var cx = k.a * (b.x + b.width / 2) + k.e, cy = k.d * (b.y + b.height / 2) + k.f;
      var w = Math.min(d.full.w, Math.max(b.width * 5, 400));
      if (w < d.full.w) setBox(d, cx - w / 2, cy - w * d.full.h / d.full.w / 2, w, w * d.full.h / d.full.w);
    }
    d.figure.scrollIntoView({ block: 'center' });
    return true;
  }
  window.clearpathHighlight = highlight;  // for the browser test and the console

  document.querySelectorAll('tr[data-subjects]').forEach(function (row) {
    row.classList.add('cp-clickable');
    row.title = 'Show in the diagrams';
    row.addEventListener('click', function () {
      document.querySelectorAll('tr.cp-selected').forEach(function (r) { r.classList.remove('cp-selected'); });
      row.classList.add('cp-selected');
      var names = JSON.parse(row.getAttribute('data-subjects')).map(function (id) {
        return byId[id] ? byId[id].node : id;
      });
      highlight(names);
    });
  });

  // ---- Sortable tables ------------------------------------------------------------------------
  function cellValue(row, column) {
    var cell = row.cells[column];
    var text = cell ? cell.textContent.trim() : '';
    var number = parseFloat(text.replace(/,/g, ''));
    return { text: text, number: /^[-+]?[\d,]*\.?\d+/.test(text) ? number : NaN };
  }
  document.querySelectorAll('main table').forEach(function (table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body) return;
    Array.prototype.forEach.call(head.rows[0].cells, function (th, column) {
      th.classList.add('cp-sortable');
      th.title = 'Sort';
      th.addEventListener('click', function () {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(head.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, column), y = cellValue(b, column), order;
          if (!isNaN(x.number) && !isNaN(y.number)) order = x.number - y.number;
          else if (!isNaN(x.number) !== !isNaN(y.number)) order = isNaN(x.number) ? 1 : -1;
          else order = x.text.localeCompare(y.text);
          return up ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // ---- Filter by initiative, search ---------------------------------------------------------
  var tools = document.getElementById('cp-tools');
  if (!tools) return;
  tools.hidden = false;
  var filter = document.getElementById('cp-filter');
  index.filter(function (e) { return e.kind === 'initiative'; }).forEach(function (e) {
    var option = document.createElement('option');
    option.value = e.id;
    option.textContent = e.name === e.id ? e.id : e.name + ' (' + e.id + ')';
    filter.appendChild(option);
  });
  function related(id, initiative) {
    var e = byId[id];
    return id === initiative || (e !== undefined && e.initiative === initiative);
  }
  filter.addEventListener('change', function () {
    var initiative = filter.value;
    document.querySelectorAll('tr[data-subjects]').forEach(function (row) {
      var ids = JSON.parse(row.getAttribute('data-subjects'));
      row.hidden = initiative !== '' && !ids.some(function (id) { return related(id, initiative); });
    });
    diagrams.forEach(function (d) {
      d.svg.querySelectorAll('g.node').forEach(function (g) {
        var e = byNode[nodeName(g)];
        g.classList.toggle('cp-dim', initiative !== '' && e !== undefined && e.initiative !== '' &&
                                     !related(e.id, initiative));
      });
    });
  });

  var search = document.getElementById('cp-search'), results = document.getElementById('cp-results');
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    results.textContent = '';
    if (q === '') return;
    var shown = 0;
    for (var k = 0; k < index.length && shown < 20; ++k) {
      var e = index[k];
      if (e.id.toLowerCase().indexOf(q) < 0 && e.name.toLowerCase().indexOf(q) < 0) continue;
      var item = document.createElement('li');
      var link = document.createElement('button');
      link.type = 'button';
      link.textContent = (e.name === e.id ? e.id : e.name + ' (' + e.id + ')') + ' \u00b7 ' + e.kind;
      link.addEventListener('click', highlight.bind(null, [e.node]));
      item.appendChild(link);
      results.appendChild(item);
      ++shown;
    }
    if (shown === 0) {
      var none = document.createElement('li');
      none.textContent = 'nothing matches';
      results.appendChild(none);
    }
  });
})();
