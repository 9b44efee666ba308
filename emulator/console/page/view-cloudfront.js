import { actionForm } from './actions.js';
import { api } from './api.js';
import { badge, clipped, code, external, facts, formatBytes, formatTime, h, link, section, table } from './dom.js';

const ratio = (c) => (c.hits + c.misses ? `${Math.round((100 * c.hits) / (c.hits + c.misses))}%` : '');

async function distributions() {
  const { distributions } = await api('cloudfront/distributions');
  return section(
    'CloudFront distributions',
    table(
      [
        ['Id', (d) => link('cloudfront/distribution', { id: d.id }, d.id)],
        ['Local URL', (d) => external(d.url)],
        ['Status', (d) => badge(d.status)],
        ['Enabled', (d) => (d.enabled ? 'yes' : 'no')],
        ['Hits', (d) => d.cache.hits],
        ['Misses', (d) => d.cache.misses],
        ['Hit ratio', (d) => ratio(d.cache)],
        ['Cached', (d) => `${d.cache.entries} (${formatBytes(d.cache.bytes)})`],
        ['Origins', (d) => clipped(d.origins.join(', '), 48)],
      ],
      distributions,
      { rowTestId: 'distribution-row', empty: 'No distributions.' },
    ),
  );
}

async function distribution(params) {
  const d = await api('cloudfront/distribution', { id: params.id });
  return [
    section(
      `Distribution ${d.id}`,
      facts([
        ['Local URL', external(d.url)],
        ['Domain name', d.domainName],
        ['Status', badge(d.status)],
        ['Enabled', d.enabled ? 'yes' : 'no'],
        ['Comment', d.comment],
        ['Default root object', d.defaultRootObject],
        ['ETag', code(d.eTag)],
        ['Modified', formatTime(d.lastModified)],
        [
          'Cache',
          `${d.cache.hits} hits, ${d.cache.misses} misses ${ratio(d.cache) ? `(${ratio(d.cache)} hits)` : ''}, ${d.cache.entries} entries, ${formatBytes(d.cache.bytes)}`,
        ],
      ]),
    ),
    section(
      'Origins',
      table(
        [
          ['Id', (o) => o.id],
          ['Domain', (o) => o.domainName],
          ['Path', (o) => o.path ?? ''],
        ],
        d.origins,
      ),
    ),
    section(
      'Cache behaviours',
      table(
        [
          ['Path pattern', (b) => b.pathPattern],
          ['Origin', (b) => b.origin],
          ['Cache policy', (b) => b.cachePolicyId ?? ''],
          ['TTL min / default / max', (b) => (b.cachePolicyId ? '' : `${b.minTtl} / ${b.defaultTtl} / ${b.maxTtl}`)],
        ],
        d.behaviors,
      ),
    ),
    section(
      'Custom error responses',
      table(
        [
          ['Error', (e) => e.ErrorCode],
          ['Page', (e) => e.ResponsePagePath ?? ''],
          ['Answered as', (e) => e.ResponseCode ?? ''],
          ['Cached for', (e) => (e.ErrorCachingMinTTL === undefined ? '' : `${e.ErrorCachingMinTTL} s`)],
        ],
        d.customErrorResponses,
      ),
    ),
    section(
      'Invalidations (newest first)',
      actionForm({
        label: 'Invalidate…',
        confirm: 'Remove these paths from the cache?',
        path: 'cloudfront/invalidate',
        params: { id: d.id },
        fields: [h('label', {}, 'Paths (comma-separated) ', h('input', { name: 'paths', value: '/*', size: 30 })), ' '],
        done: (answer) => `Invalidation ${answer.id} of ${answer.paths.join(', ')} created.`,
        testId: 'invalidate',
      }),
      table(
        [
          ['Id', (i) => i.id],
          ['Status', (i) => badge(i.status)],
          ['Created', (i) => formatTime(i.createTime)],
        ],
        d.invalidations,
        { empty: 'No invalidations.' },
      ),
    ),
  ];
}

export const views = { cloudfront: distributions, 'cloudfront/distribution': distribution };
