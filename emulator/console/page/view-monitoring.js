import { actionForm } from './actions.js';
import { api } from './api.js';
import { lineChart } from './chart.js';
import { badge, facts, formatTime, h, link, route, section, table } from './dom.js';

const COMPARISONS = {
  GreaterThanOrEqualToThreshold: '≥',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

const condition = (a) =>
  `${a.statistic} of ${a.metricName} ${COMPARISONS[a.comparison] ?? a.comparison} ${a.threshold} for ${a.datapointsToAlarm ?? a.evaluationPeriods} of ${a.evaluationPeriods} × ${a.period} s`;

const dimensionsText = (dimensions) => dimensions.map((d) => `${d.Name}=${d.Value}`).join(', ');

function chartOrNote(chart) {
  return chart
    ? lineChart(chart)
    : h('p', { class: 'muted' }, 'This alarm watches metric math or a percentile: no single metric to chart.');
}

async function alarms() {
  const { alarms } = await api('monitoring/alarms', { minutes: 60 });
  if (!alarms.length) return section('CloudWatch alarms', h('p', { class: 'muted' }, 'No alarms.'));
  const order = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };
  alarms.sort((a, b) => (order[a.state] ?? 3) - (order[b.state] ?? 3) || a.name.localeCompare(b.name));
  return [
    h('h2', { class: 'page-title' }, 'CloudWatch alarms (last hour)'),
    h(
      'div',
      { class: 'cards' },
      alarms.map((a) =>
        h(
          'article',
          { class: `panel card state-${a.state}`, 'data-testid': 'alarm-card', 'data-alarm': a.name },
          h('h3', {}, badge(a.state), ' ', link('monitoring/alarm', { name: a.name }, a.name)),
          h('p', { class: 'muted' }, `${a.namespace} · ${dimensionsText(a.dimensions)}`),
          h('p', {}, condition(a)),
          chartOrNote(a.chart),
        ),
      ),
    ),
  ];
}

const WINDOWS = [
  [60, '1 hour'],
  [180, '3 hours'],
  [720, '12 hours'],
  [1440, '1 day'],
  [10080, '1 week'],
];

async function alarm(params) {
  const minutes = params.minutes ?? '180';
  const detail = await api('monitoring/alarm', { name: params.name, minutes });
  const a = detail.alarm;
  return [
    section(
      `Alarm ${a.name}`,
      facts([
        ['State', badge(a.state)],
        ['Reason', a.reason],
        ['Since', formatTime(a.stateUpdatedAt)],
        ['Description', a.description],
        ['Metric', `${a.namespace} ${a.metricName} (${dimensionsText(a.dimensions)})`],
        ['Condition', condition(a)],
        ['Missing data', a.treatMissingData ?? 'missing'],
        ['Actions', a.actionsEnabled ? 'enabled (not delivered locally)' : 'disabled'],
      ]),
      actionForm({
        label: 'Set state…',
        confirm: 'Set this state? The next evaluation sets the state the data calls for.',
        path: 'monitoring/set-alarm-state',
        params: { name: a.name },
        fields: [
          h(
            'select',
            { name: 'state', 'data-testid': 'alarm-state' },
            ['ALARM', 'OK', 'INSUFFICIENT_DATA'].map((state) => h('option', { value: state }, state)),
          ),
          ' ',
          h('input', { name: 'reason', placeholder: 'reason', size: 30 }),
          ' ',
        ],
        done: (answer) => `${answer.name} set to ${answer.state}.`,
        testId: 'set-state',
      }),
    ),
    section(
      'Metric',
      h(
        'p',
        { class: 'windows' },
        WINDOWS.map(([value, label]) =>
          String(value) === minutes
            ? h('strong', {}, label)
            : h('a', { href: route('monitoring/alarm', { name: a.name, minutes: value }) }, label),
        ),
      ),
      chartOrNote(detail.chart),
    ),
    section(
      'History (newest first)',
      table(
        [
          ['When', (e) => formatTime(e.timestamp)],
          ['Type', (e) => e.type],
          ['Summary', (e) => e.summary],
        ],
        detail.history,
        { empty: 'No history.' },
      ),
    ),
  ];
}

export const views = { monitoring: alarms, 'monitoring/alarm': alarm };
