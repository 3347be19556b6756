// Renders the geotraffic report from the JSON in #report-data. Every value from the data goes into the
// page through textContent or an attribute set with setAttribute, never through innerHTML: page paths and
// site names come from web logs and may hold markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var world = JSON.parse(document.getElementById('world-atlas').textContent);
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var numberFormat = new Intl.NumberFormat('en-US');
  var dates = data.dates;
  var words = data.words;
  // A day report is one view over its days; a week or month report shows one period at a time (the latest
  // first), so no visitors figure on the page adds periods together.
  var views = data.views || [data];
  var view = views[views.length - 1];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    setAll(e, attrs);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    setAll(e, attrs);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  function setAll(e, attrs) {
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== undefined && attrs[name] !== null) {
          e.setAttribute(name, String(attrs[name]));
        }
      });
    }
  }

  function num(n) {
    return numberFormat.format(n);
  }

  function fewer(k) {
    return 'fewer than ' + num(k);
  }

  function pct(share) {
    return share === null || share === undefined ? '' : (share * 100).toFixed(1) + '%';
  }

  // "1 day", "3 days"; "1 week" in a week report
  function days(n) {
    return n === 1 ? '1 ' + words.unit : num(n) + ' ' + words.unit + 's';
  }

  // "+ fewer than 10 on 1 day", "+ fewer than 10 on each of 3 days"
  function fewerNote(line) {
    return '+ ' + fewer(line.k) + ' on ' + (line.fewerDays === 1 ? days(1) : 'each of ' + days(line.fewerDays));
  }

  // "fewer than 10" for one period, "fewer than 10 each day" over several
  function neverPublished(line) {
    return view.span === 1 ? fewer(line.k) : fewer(line.k) + ' each ' + words.unit;
  }

  // A sum over the view's range; days on which the row was not published are added in words.
  function rangeCell(line, key, tag) {
    var td = el(tag || 'td', { 'class': 'num' });
    if (line.days === 0) {
      td.appendChild(el('span', { 'class': 'fewer' }, neverPublished(line)));
      return td;
    }
    td.appendChild(document.createTextNode(num(line[key])));
    if (line.fewerDays > 0 && key === 'v') {
      td.appendChild(el('span', { 'class': 'note' }, fewerNote(line)));
    }
    return td;
  }

  function countryByCode(lines) {
    var m = {};
    lines.forEach(function (c) { m[c.code] = c; });
    return m;
  }
  // The view's countries (map, table) and the whole range's (trend, names).
  var countries = countryByCode(view.countries);
  var rangeCountries = countryByCode(data.countries);

  // ---- header and summary ----
  document.title = 'Geographic traffic report: ' + data.site;
  var range = words.range;
  document.getElementById('subtitle').textContent = 'Site ' + data.site + ', ' + range;
  document.getElementById('trend-title').textContent = words.trendTitle;
  document.getElementById('trend-date-heading').textContent = words.dateHeading;

  var summary = document.getElementById('summary');
  function card(label, line, key, id) {
    var c = el('div', { 'class': 'card', id: id });
    var v = el('div', { 'class': 'value' });
    if (line.days === 0) {
      v.textContent = neverPublished(line);
    } else {
      v.textContent = num(line[key]);
    }
    c.appendChild(v);
    c.appendChild(el('div', { 'class': 'label' }, label));
    if (line.fewerDays > 0 && line.days > 0 && key === 'v') {
      c.appendChild(el('div', { 'class': 'note' }, fewerNote(line)));
    }
    return c;
  }
  function drawSummary() {
    summary.textContent = '';
    summary.appendChild(card(view.visitorsLabel, view.total, 'v', 'total-visitors'));
    summary.appendChild(card('Page views', view.total, 'pv', 'total-pageviews'));
    summary.appendChild(card('Hits', view.total, 'h', 'total-hits'));
    summary.appendChild(card('Countries with published numbers', { days: 1, fewerDays: 0, n: view.countries.filter(function (c) {
      return c.kind === 'place';
    }).length }, 'n', 'total-countries'));
  }

  // ---- map ----
  function shade(v, max) {
    var lo = [222, 235, 247];
    var hi = [8, 81, 156];
    var t = max <= 0 ? 0 : Math.log(1 + v) / Math.log(1 + max);
    var c = lo.map(function (l, i) { return Math.round(l + (hi[i] - l) * t); });
    return 'rgb(' + c[0] + ', ' + c[1] + ', ' + c[2] + ')';
  }

  function drawMap() {
    var width = 960;
    var height = 480;
    var max = 0;
    view.countries.forEach(function (c) {
      if (c.kind === 'place' && c.v > max) {
        max = c.v;
      }
    });
    var land = topojson.feature(world, world.objects.countries);
    var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
    var path = d3.geoPath(projection);
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'World map shaded by visitors per country' });
    root.appendChild(svg('path', { 'class': 'sphere', d: path({ type: 'Sphere' }) }));
    land.features.forEach(function (f) {
      var code = (f.id !== undefined && view.mapIds[f.id]) || view.mapNames[f.properties.name];
      var c = code ? countries[code] : undefined;
      var p = svg('path', {
        'class': 'country',
        d: path(f),
        fill: c ? shade(c.v, max) : '#e5e7eb',
        'data-code': code || null,
        'data-visitors': c ? c.v : null
      });
      var label = c ? c.label + ': ' + num(c.v) + ' visitors' : f.properties.name + ': no published visitors';
      p.appendChild(svg('title', null, label));
      root.appendChild(p);
    });
    var holder = document.getElementById('map');
    holder.textContent = '';
    holder.appendChild(root);
    var legend = document.getElementById('map-legend');
    legend.textContent = '';
    legend.appendChild(el('span', null, 'fewer'));
    var ramp = svg('svg', { 'class': 'ramp', viewBox: '0 0 100 10', preserveAspectRatio: 'none' });
    for (var i = 0; i < 20; i++) {
      ramp.appendChild(svg('rect', { x: i * 5, y: 0, width: 5.2, height: 10, fill: shade(Math.pow(1 + max, i / 19) - 1, max) }));
    }
    legend.appendChild(ramp);
    legend.appendChild(el('span', null, num(max) + ' visitors'));
    legend.appendChild(el('span', null, '· grey: no published numbers (none, or fewer than k each ' + words.unit + ')'));
  }

  // ---- daily trend ----
  var focus = document.getElementById('focus');
  focus.appendChild(el('option', { value: '' }, 'All countries'));
  data.countries.forEach(function (c) {
    focus.appendChild(el('option', { value: c.code }, c.label));
  });

  function drawTrend(line, kTable) {
    var holder = document.getElementById('trend');
    holder.textContent = '';
    var width = 960;
    var height = 200;
    var left = 50;
    var bottom = 24;
    var values = line.daily;
    var max = 0;
    values.forEach(function (v, i) {
      var k = data.days[i].k[kTable];
      max = Math.max(max, v === null ? k : v);
    });
    max = Math.max(max, 1);
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': words.trendTitle + ': ' + line.label });
    var slot = (width - left) / Math.max(values.length, 1);
    var bar = Math.max(2, slot * 0.7);
    var scale = (height - bottom - 10) / max;
    root.appendChild(svg('text', { x: left - 6, y: 14, 'text-anchor': 'end' }, num(max)));
    root.appendChild(svg('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end' }, '0'));
    root.appendChild(svg('line', { x1: left, x2: width, y1: height - bottom, y2: height - bottom, stroke: '#d9dee5' }));
    var labelEvery = Math.max(1, Math.ceil(values.length / 10));
    values.forEach(function (v, i) {
      var x = left + i * slot + (slot - bar) / 2;
      var k = data.days[i].k[kTable];
      var h = (v === null ? k : v) * scale;
      var r = svg('rect', {
        'class': v === null ? 'fewer-bar' : 'bar',
        x: x, y: height - bottom - h, width: bar, height: Math.max(h, 1),
        'data-date': dates[i]
      });
      r.appendChild(svg('title', null, dates[i] + ': ' + (v === null ? fewer(k) : num(v)) + ' visitors'));
      root.appendChild(r);
      if (i % labelEvery === 0) {
        root.appendChild(svg('text', { x: x + bar / 2, y: height - 8, 'text-anchor': 'middle' }, dates[i].slice(5)));
      }
    });
    holder.appendChild(root);
    var body = document.querySelector('#trend-table tbody');
    body.textContent = '';
    values.forEach(function (v, i) {
      var tr = el('tr');
      tr.appendChild(el('td', null, dates[i]));
      tr.appendChild(el('td', { 'class': v === null ? 'num fewer' : 'num' }, v === null ? fewer(data.days[i].k[kTable]) : num(v)));
      body.appendChild(tr);
    });
  }

  // ---- countries and regions ----
  var sortKey = 'v';
  var sortDir = -1;

  function compareLines(a, b) {
    // "Other", "unknown" and "internal" stay below the places, whatever the order.
    var ba = a.kind === 'place' ? 0 : 1;
    var bb = b.kind === 'place' ? 0 : 1;
    if (ba !== bb) {
      return ba - bb;
    }
    var x = a[sortKey];
    var y = b[sortKey];
    var c = typeof x === 'string' ? x.localeCompare(y, 'en') : (x === null ? -1 : x) - (y === null ? -1 : y);
    return c !== 0 ? sortDir * c : a.code.localeCompare(b.code);
  }

  function lineRow(line, isRegion) {
    var tr = el('tr', { 'class': isRegion ? 'region' : 'country', 'data-code': line.code });
    var name = el(isRegion ? 'td' : 'th', isRegion ? null : { scope: 'row' });
    if (!isRegion && line.regions.length > 0) {
      var t = el('button', { type: 'button', 'class': 'toggle', 'aria-expanded': 'false', title: 'Show regions' }, '\u25B8');
      name.appendChild(t);
    }
    name.appendChild(el('span', { 'class': line.kind === 'place' ? 'label' : 'label bucket' }, line.label));
    tr.appendChild(name);
    tr.appendChild(el('td', { 'class': 'code' }, line.kind === 'place' ? line.code : ''));
    tr.appendChild(rangeCell(line, 'v'));
    tr.appendChild(rangeCell(line, 'pv'));
    tr.appendChild(rangeCell(line, 'h'));
    tr.appendChild(el('td', { 'class': 'num share' }, pct(line.share)));
    return tr;
  }

  function drawCountries() {
    var table = document.getElementById('countries');
    Array.prototype.slice.call(table.tBodies).forEach(function (b) { table.removeChild(b); });
    view.countries.slice().sort(compareLines).forEach(function (c) {
      var body = el('tbody', { 'data-country': c.code });
      var row = lineRow(c, false);
      body.appendChild(row);
      var regionRows = c.regions.slice().sort(compareLines).map(function (r) {
        var rr = lineRow(r, true);
        rr.hidden = true;
        body.appendChild(rr);
        return rr;
      });
      var toggle = row.querySelector('button.toggle');
      if (toggle) {
        toggle.addEventListener('click', function () {
          var open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          toggle.textContent = open ? '\u25BE' : '\u25B8';
          regionRows.forEach(function (rr) { rr.hidden = !open; });
        });
      }
      table.appendChild(body);
    });
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (th) {
      var b = th.querySelector('button');
      if (b) {
        th.setAttribute('aria-sort', b.getAttribute('data-sort') === sortKey ? (sortDir < 0 ? 'descending' : 'ascending') : 'none');
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('#countries thead button'), function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-sort');
      if (key === sortKey) {
        sortDir = -sortDir;
      } else {
        sortKey = key;
        sortDir = key === 'label' ? 1 : -1;
      }
      drawCountries();
    });
  });

  // ---- pages ----
  function drawPages(country) {
    var lines = country ? (view.pageCountries[country] || []) : view.pages;
    var body = document.querySelector('#pages tbody');
    body.textContent = '';
    lines.forEach(function (p) {
      var tr = el('tr', { 'class': 'page-row' });
      tr.appendChild(el('td', { 'class': p.kind === 'place' ? 'page' : 'page bucket' }, p.label));
      tr.appendChild(rangeCell(p, 'v'));
      tr.appendChild(rangeCell(p, 'pv'));
      tr.appendChild(rangeCell(p, 'h'));
      tr.appendChild(el('td', { 'class': 'num share' }, pct(p.share)));
      body.appendChild(tr);
    });
    var title = document.getElementById('pages-title');
    var note = document.getElementById('pages-note');
    if (country) {
      title.textContent = 'Top pages: ' + rangeCountries[country].label;
      note.textContent = lines.length === 0
        ? 'No page has published numbers for this country.'
        : 'Most page views first. Share: of the visitors from this country. Pages with fewer than k visitors from it in a '
          + words.unit + ' are not listed for that ' + words.unit + '.';
    } else {
      title.textContent = 'Top pages';
      note.textContent = 'Most page views first. Share: of all visitors. Showing ' + num(lines.length) + ' of '
        + num(view.pageCount) + ' pages.';
    }
  }

  // Paths without a page view in the shown range: images, styles, scripts, and requests that never made a
  // page view (errors, redirects). Ranked by hits; the pages above rank by page views.
  function drawAssets(country) {
    var lines = country ? (view.assetCountries[country] || []) : view.assets;
    var body = document.querySelector('#assets tbody');
    body.textContent = '';
    lines.forEach(function (p) {
      var tr = el('tr', { 'class': 'asset-row' });
      tr.appendChild(el('td', { 'class': 'page' }, p.label));
      tr.appendChild(rangeCell(p, 'v'));
      tr.appendChild(rangeCell(p, 'h'));
      tr.appendChild(el('td', { 'class': 'num share' }, pct(p.share)));
      body.appendChild(tr);
    });
    document.getElementById('assets-title').textContent = 'Static assets and other requests'
      + (country ? ': ' + rangeCountries[country].label : '');
    document.getElementById('assets-note').textContent = lines.length === 0
      ? 'No request without a page view has published numbers' + (country ? ' for this country.' : '.')
      : 'Requests with no page view (images, styles, scripts, errors), most hits first. Showing ' + num(lines.length)
        + (country ? '.' : ' of ' + num(view.assetCount) + '.');
  }

  focus.addEventListener('change', function () {
    var code = focus.value;
    drawTrend(code ? rangeCountries[code] : data.total, code ? 'countries' : 'totals');
    drawPages(code);
    drawAssets(code);
  });

  // ---- the period shown (weeks and months) ----
  var picker = document.getElementById('view');
  views.forEach(function (v, i) {
    picker.appendChild(el('option', { value: String(i) }, v.label));
  });
  picker.value = String(views.length - 1);
  document.getElementById('view-label').textContent = words.unit.charAt(0).toUpperCase() + words.unit.slice(1) + ': ';
  document.getElementById('view-picker').hidden = views.length < 2;
  picker.addEventListener('change', function () {
    view = views[Number(picker.value)];
    countries = countryByCode(view.countries);
    drawView();
  });

  function drawView() {
    drawSummary();
    drawMap();
    drawCountries();
    drawPages(focus.value);
    drawAssets(focus.value);
  }

  // ---- footer ----
  function fact(term, text) {
    var facts = document.getElementById('facts');
    facts.appendChild(el('dt', null, term));
    facts.appendChild(el('dd', null, text));
  }

  function thresholds() {
    var seen = {};
    data.days.forEach(function (d) {
      Object.keys(d.k).forEach(function (t) {
        seen[t + ' ' + d.k[t]] = { table: t, k: d.k[t] };
      });
    });
    var byK = {};
    Object.keys(seen).forEach(function (key) {
      var s = seen[key];
      (byK[s.k] = byK[s.k] || []).push(s.table);
    });
    var ks = Object.keys(byK).map(Number).sort(function (a, b) { return a - b; });
    if (ks.length === 1) {
      return 'k = ' + ks[0] + ' visitors: a value below k is not published and reads "' + fewer(ks[0]) + '"';
    }
    return ks.map(function (k) { return 'k = ' + k + ' (' + byK[k].sort().join(', ') + ')'; }).join('; ');
  }

  fact('Site', data.site);
  fact('Period', words.definition);
  fact('Dates', range);
  fact('Threshold', data.days.length ? thresholds() : 'none');
  var databases = {};
  data.runs.forEach(function (r) { databases[r.database + ', built ' + r.databaseBuildDate.slice(0, 10)] = true; });
  fact('Geo database', Object.keys(databases).join('; '));
  var used = {};
  data.days.forEach(function (d) { used[d.run] = true; });
  fact('Runs', Object.keys(used).sort().join(', '));
  document.getElementById('notes').textContent = words.notes;

  drawTrend(data.total, 'totals');
  drawView();
  document.body.setAttribute('data-rendered', 'true');
})();
