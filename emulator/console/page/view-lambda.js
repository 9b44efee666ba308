import { api } from './api.js';
import { code, facts, formatBytes, formatTime, h, link, section, table } from './dom.js';

async function functions() {
  const { functions } = await api('lambda/functions');
  return section(
    'Lambda functions',
    table(
      [
        ['Name', (f) => link('lambda/function', { name: f.name }, f.name)],
        ['Runtime', (f) => f.runtime],
        ['Handler', (f) => f.handler],
        ['Memory', (f) => `${f.memorySize} MB`],
        ['Timeout', (f) => `${f.timeout} s`],
        ['Code', (f) => formatBytes(f.codeSize)],
        ['Modified', (f) => formatTime(f.lastModified)],
      ],
      functions,
      { rowTestId: 'function-row', empty: 'No functions.' },
    ),
  );
}

async function fn(params) {
  const [detail, logs] = await Promise.all([
    api('lambda/function', { name: params.name }),
    api('lambda/logs', { name: params.name, limit: 200 }),
  ]);
  const c = detail.configuration;
  return [
    section(
      `Function ${c.name}`,
      facts([
        ['ARN', code(c.arn)],
        ['Runtime', c.runtime],
        ['Handler', c.handler],
        ['Memory', `${c.memorySize} MB`],
        ['Timeout', `${c.timeout} s`],
        ['Role', code(c.role)],
        ['Code', `${formatBytes(c.codeSize)}, sha256 ${c.codeSha256}`],
        ['Reserved concurrency', c.reservedConcurrency],
        ['Modified', formatTime(c.lastModified)],
      ]),
    ),
    section(
      'Environment',
      table(
        [
          ['Variable', ([name]) => name],
          ['Value', ([, value]) => code(value)],
        ],
        Object.entries(c.environment),
        { empty: 'No variables.' },
      ),
    ),
    section(
      'Versions',
      table(
        [
          ['Version', (v) => v.version],
          ['Description', (v) => v.description ?? ''],
          ['Code sha256', (v) => code(v.codeSha256)],
          ['Modified', (v) => formatTime(v.lastModified)],
        ],
        detail.versions,
        { rowTestId: 'version-row' },
      ),
    ),
    section(
      'Aliases',
      table(
        [
          ['Alias', (a) => a.name],
          ['Version', (a) => a.version],
          [
            'Weights',
            (a) =>
              a.weights
                ? Object.entries(a.weights)
                    .map(([v, w]) => `${v}: ${w}`)
                    .join(', ')
                : '',
          ],
          ['Description', (a) => a.description ?? ''],
        ],
        detail.aliases,
        { rowTestId: 'alias-row', empty: 'No aliases.' },
      ),
    ),
    detail.eventSourceMappings.length
      ? section(
          'Event source mappings',
          table(
            [
              ['Source', (m) => code(m.source)],
              ['State', (m) => m.state],
              ['Batch size', (m) => m.batchSize],
              ['Start', (m) => m.startingPosition ?? ''],
              ['Last result', (m) => m.lastResult ?? ''],
            ],
            detail.eventSourceMappings,
          ),
        )
      : '',
    section(
      `Recent logs (${logs.group}, last hour)`,
      logs.events.length
        ? h(
            'pre',
            { class: 'logs', 'data-testid': 'logs', 'data-scroll-end': true },
            logs.events.map((e) =>
              h(
                'span',
                { class: 'log-line' },
                h('time', {}, new Date(e.timestamp).toLocaleTimeString()),
                ' ',
                e.message.replace(/\n$/, ''),
                '\n',
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No log events in the last hour.'),
    ),
  ];
}

export const views = { lambda: functions, 'lambda/function': fn };
