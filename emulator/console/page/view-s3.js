import { api } from './api.js';
import { code, external, facts, formatBytes, formatTime, h, link, section, table } from './dom.js';

async function buckets() {
  const { buckets } = await api('s3/buckets');
  return section(
    'S3 buckets',
    table(
      [
        ['Name', (b) => link('s3/bucket', { name: b.name }, b.name)],
        ['Region', (b) => b.region],
        ['Created', (b) => formatTime(b.createdAt)],
        ['Website', (b) => external(b.website)],
        ['Policy', (b) => (b.policy ? 'yes' : '')],
      ],
      buckets,
      { rowTestId: 'bucket-row', empty: 'No buckets.' },
    ),
  );
}

/** The prefixes above the current one, each a link. */
function breadcrumbs(bucket, prefix) {
  const parts = prefix.split('/').filter(Boolean);
  return h(
    'p',
    { class: 'breadcrumbs' },
    link('s3/bucket', { name: bucket }, bucket),
    parts.map((part, i) => [' / ', link('s3/bucket', { name: bucket, prefix: `${parts.slice(0, i + 1).join('/')}/` }, part)]),
  );
}

async function bucket(params) {
  const listing = await api('s3/objects', { bucket: params.name, prefix: params.prefix, next: params.next });
  const folderRows = listing.folders.map((folder) => ({ folder }));
  const rows = [...folderRows, ...listing.objects];
  return [
    section(
      `Bucket ${listing.bucket}`,
      facts([
        ['Website', listing.website ? external(listing.website.url) : 'off'],
        ['Index document', listing.website?.IndexDocument?.Suffix],
        ['Error document', listing.website?.ErrorDocument?.Key],
        ['Policy', listing.policy ? code(JSON.stringify(listing.policy)) : 'none'],
        ['CORS rules', listing.cors?.length],
      ]),
    ),
    section(
      'Objects',
      breadcrumbs(listing.bucket, listing.prefix),
      table(
        [
          [
            'Key',
            (o) =>
              o.folder
                ? link('s3/bucket', { name: listing.bucket, prefix: o.folder }, o.folder.slice(listing.prefix.length))
                : o.key.slice(listing.prefix.length),
          ],
          ['Size', (o) => formatBytes(o.size)],
          ['Last modified', (o) => formatTime(o.lastModified)],
          ['ETag', (o) => o.etag ?? ''],
        ],
        rows,
        { rowTestId: 'object-row', empty: 'No objects here.' },
      ),
      listing.next ? link('s3/bucket', { ...params, next: listing.next }, 'next page →') : '',
    ),
  ];
}

export const views = { s3: buckets, 's3/bucket': bucket };
