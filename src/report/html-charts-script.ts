/**
 * The static script of the HTML report: reads the chart data from `<script type="application/json" id="cogcap-data">`
 * and draws the charts with Chart.js (inlined before it). No data is interpolated into this code. When done it sets
 * `document.body.dataset.charts` to the number of charts drawn (tests and screenshots wait for it).
 */
export const HTML_CHARTS_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cogcap-data').textContent);
  var palette = ['#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d', '#7c3aed'];
  var RED = '#dc2626';
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
  var charts = [];
  function xy(points) { return points.map(function (p) { return { x: p[0], y: p[1] }; }); }
  function timeAxis() { return { type: 'linear', title: { display: true, text: 'seconds since start' }, ticks: { precision: 0 } }; }
  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    charts.push(new Chart(canvas, config));
  }
  function span(points) {
    if (!points.length) return [0, 1];
    return [points[0][0], points[points.length - 1][0] + data.intervalSec];
  }

  // 1. Achieved rate vs quota, one chart per category: the area above the quota line is shaded red.
  data.categories.forEach(function (c, i) {
    var quota = c.quotaRatePerSec;
    var sets = [{
      label: 'calls/s', data: xy(c.ratePerSec), borderColor: palette[i % palette.length], pointRadius: 0, borderWidth: 2, stepped: 'before',
      fill: quota === null ? false : { target: { value: quota }, above: 'rgba(220, 38, 38, 0.28)', below: 'rgba(0, 0, 0, 0)' }
    }, {
      label: 'throttled/s', data: xy(c.throttlesPerSec), borderColor: '#f59e0b', backgroundColor: '#f59e0b', pointRadius: 0, borderWidth: 1.5, stepped: 'before'
    }];
    if (quota !== null) {
      var s = span(c.ratePerSec);
      sets.push({ label: 'quota ' + quota + '/s', data: [{ x: s[0], y: quota }, { x: s[1], y: quota }], borderColor: RED, borderDash: [6, 4], borderWidth: 2, pointRadius: 0 });
    }
    var peak = Math.max.apply(null, c.ratePerSec.map(function (p) { return p[1]; }).concat([quota || 0]));
    draw('rate-' + c.category, {
      type: 'line', data: { datasets: sets },
      options: { scales: { x: timeAxis(), y: { beginAtZero: true, suggestedMax: peak * 1.1, title: { display: true, text: 'requests per second' } } },
        plugins: { title: { display: true, text: c.category + ': achieved rate vs quota' } } }
    });
  });

  // 2. Throttles over time, all categories.
  draw('throttles', {
    type: 'line',
    data: { datasets: data.categories.map(function (c, i) {
      return { label: c.category, data: xy(c.throttlesPerSec), borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], pointRadius: 0, borderWidth: 2, stepped: 'before' };
    }) },
    options: { scales: { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: 'throttled calls per second' } } } }
  });

  // 3. Latency percentiles over time.
  var latencySets = [
    { label: 'p50 (all)', data: xy(data.latency.p50Ms), borderColor: '#64748b', pointRadius: 0, borderWidth: 2 },
    { label: 'p99 (all)', data: xy(data.latency.p99Ms), borderColor: '#0f172a', pointRadius: 0, borderWidth: 2 }
  ].concat(data.categories.map(function (c, i) {
    return { label: 'p99 ' + c.category, data: xy(c.p99Ms), borderColor: palette[i % palette.length], pointRadius: 0, borderWidth: 1, borderDash: [3, 3] };
  }));
  draw('latency', {
    type: 'line', data: { datasets: latencySets },
    options: { scales: { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: 'latency from intended start (ms)' } } } }
  });

  // 4. Latency distribution per category (from the encoded histograms), percentile on a log axis.
  draw('distribution', {
    type: 'line',
    data: { datasets: data.distributions.filter(function (d) { return d.points.length; }).map(function (d, i) {
      return { label: d.category + ' (' + d.count + ' calls)', data: xy(d.points), borderColor: palette[data.categories.findIndex(function (c) { return c.category === d.category; }) % palette.length], pointRadius: 2, borderWidth: 2 };
    }) },
    options: {
      scales: {
        x: { type: 'logarithmic', min: 1, title: { display: true, text: 'percentile' },
          ticks: { callback: function (v) { var p = 100 * (1 - 1 / v); var nice = [0, 50, 90, 99, 99.9, 99.99]; for (var k = 0; k < nice.length; k++) { if (Math.abs(p - nice[k]) < 1e-6) return nice[k] + '%'; } return ''; } } },
        y: { beginAtZero: true, title: { display: true, text: 'latency (ms)' } }
      },
      plugins: { tooltip: { callbacks: { title: function (items) { return 'p' + Number((100 * (1 - 1 / items[0].parsed.x)).toFixed(3)); } } } }
    }
  });

  // 5. Arrivals: planned vs started vs dropped.
  draw('arrivals', {
    type: 'line',
    data: { datasets: [
      { label: 'planned/s', data: xy(data.arrivals.planned), borderColor: '#94a3b8', borderDash: [5, 3], pointRadius: 0, borderWidth: 2, stepped: 'before' },
      { label: 'started/s', data: xy(data.arrivals.started), borderColor: '#2563eb', pointRadius: 0, borderWidth: 2, stepped: 'before' },
      { label: 'dropped/s', data: xy(data.arrivals.dropped), borderColor: RED, pointRadius: 0, borderWidth: 2, stepped: 'before' }
    ] },
    options: { scales: { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: 'arrivals per second' } } } }
  });

  window.cogcapCharts = charts;
  document.body.dataset.charts = String(charts.length);
})();
`;
