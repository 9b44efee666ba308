/** A line chart of a metric's datapoints with the alarm's threshold, drawn as SVG. */

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = String(text);
  return element;
}

const clock = (t) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function niceMax(value) {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

const formatValue = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 1));

/**
 * `chart`: { points: [{t, v}], start, end, threshold, statistic, period, metricName }.
 * Each datapoint is a circle (with its value in a tooltip), joined by a line; the threshold is a
 * dashed line. Times run left to right from `start` to `end`.
 */
export function lineChart(chart, { width = 640, height = 200 } = {}) {
  const margin = { top: 12, right: 16, bottom: 26, left: 48 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const values = chart.points.map((p) => p.v);
  const top = niceMax(Math.max(0, ...values, chart.threshold ?? 0) * 1.1);
  const bottom = Math.min(0, ...values);
  const x = (t) => margin.left + ((t - chart.start) / Math.max(1, chart.end - chart.start)) * plotWidth;
  const y = (v) => margin.top + plotHeight - ((v - bottom) / (top - bottom || 1)) * plotHeight;

  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'data-testid': 'chart',
    'data-points': chart.points.length,
    'aria-label': `${chart.metricName} (${chart.statistic} per ${chart.period} s): ${chart.points.length} datapoints`,
  });
  svg.append(s('rect', { class: 'plot', x: margin.left, y: margin.top, width: plotWidth, height: plotHeight }));
  for (const fraction of [0, 0.5, 1]) {
    const v = bottom + (top - bottom) * fraction;
    svg.append(s('line', { class: 'grid', x1: margin.left, x2: margin.left + plotWidth, y1: y(v), y2: y(v) }));
    svg.append(s('text', { class: 'axis', x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatValue(v)));
  }
  svg.append(s('text', { class: 'axis', x: margin.left, y: height - 6 }, clock(chart.start)));
  svg.append(s('text', { class: 'axis', x: margin.left + plotWidth, y: height - 6, 'text-anchor': 'end' }, clock(chart.end)));

  if (typeof chart.threshold === 'number') {
    const ty = y(chart.threshold);
    svg.append(
      s('line', { class: 'threshold', 'data-testid': 'chart-threshold', x1: margin.left, x2: margin.left + plotWidth, y1: ty, y2: ty }),
    );
    svg.append(
      s(
        'text',
        { class: 'threshold-label', x: margin.left + plotWidth - 4, y: ty - 4, 'text-anchor': 'end' },
        `threshold ${formatValue(chart.threshold)}`,
      ),
    );
  }
  if (chart.points.length > 1) {
    svg.append(s('polyline', { class: 'series', points: chart.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ') }));
  }
  for (const p of chart.points) {
    const dot = s('circle', { class: 'point', 'data-testid': 'chart-point', cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 3 });
    dot.append(s('title', {}, `${new Date(p.t).toLocaleString()}: ${formatValue(p.v)}`));
    svg.append(dot);
  }
  if (!chart.points.length) {
    svg.append(
      s(
        'text',
        { class: 'empty', x: margin.left + plotWidth / 2, y: margin.top + plotHeight / 4, 'text-anchor': 'middle' },
        'no data in this window',
      ),
    );
  }
  return svg;
}
