import { actionForm } from './actions.js';
import { api } from './api.js';
import { clipped, code, facts, formatBytes, h, link, route, section, table } from './dom.js';

const SORT_CONDITIONS = ['=', '<', '<=', '>', '>=', 'begins_with', 'between'];

/** An AttributeValue as one line of text: strings as they are, the rest close to DynamoDB JSON. */
export function attributeText(value) {
  if (!value || typeof value !== 'object') return '';
  const [type, v] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
    case 'N':
      return String(v);
    case 'B':
      return `(binary) ${v}`;
    case 'BOOL':
      return String(v);
    case 'NULL':
      return 'null';
    case 'SS':
    case 'NS':
    case 'BS':
      return `{${v.join(', ')}}`;
    case 'L':
      return `[${v.map(attributeText).join(', ')}]`;
    case 'M':
      return `{${Object.entries(v)
        .map(([k, inner]) => `${k}: ${attributeText(inner)}`)
        .join(', ')}}`;
    default:
      return JSON.stringify(value);
  }
}

/** Items as a table: key attributes first, then every other attribute name met. */
function itemsTable(items, keyNames) {
  const names = [...keyNames];
  for (const item of items) for (const name of Object.keys(item)) if (!names.includes(name)) names.push(name);
  return table(
    names.map((name) => [name, (item) => (item[name] === undefined ? '' : clipped(attributeText(item[name]), 60))]),
    items,
    { class: 'items', rowTestId: 'item-row', empty: 'No items.' },
  );
}

const keyText = (schema) => (schema ?? []).map((k) => `${k.AttributeName} (${k.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(', ');

async function tables() {
  const { tables } = await api('dynamodb/tables');
  return section(
    'DynamoDB tables',
    table(
      [
        ['Name', (t) => link('dynamodb/table', { name: t.name }, t.name)],
        ['Status', (t) => t.status],
        ['ItemCount', (t) => t.itemCount],
        ['Size', (t) => formatBytes(t.sizeBytes)],
        ['Keys', (t) => keyText(t.keySchema)],
        ['Indexes', (t) => t.indexes.map((i) => i.name).join(', ')],
        ['Stream', (t) => t.stream ?? ''],
      ],
      tables,
      { rowTestId: 'table-row', empty: 'No tables.' },
    ),
  );
}

function queryForm(detail, params) {
  const keySchemaOf = (indexName) =>
    (indexName ? detail.table.indexes.find((i) => i.name === indexName)?.keySchema : detail.table.keySchema) ?? [];
  const field = (name, attributes = {}) => h('input', { name, value: params[name] ?? '', ...attributes });
  const index = h(
    'select',
    { name: 'index' },
    h('option', { value: '' }, 'table'),
    detail.table.indexes.map((i) => h('option', { value: i.name, selected: params.index === i.name }, `index ${i.name}`)),
  );
  const schema = keySchemaOf(params.index);
  const partition = schema.find((k) => k.KeyType === 'HASH')?.AttributeName ?? 'partition key';
  const sort = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  const form = h(
    'form',
    { class: 'query', 'data-testid': 'query-form' },
    h('label', {}, 'On ', index),
    h('label', {}, `${partition} = `, field('pk', { required: true, 'data-testid': 'query-pk', placeholder: 'partition key value' })),
    h(
      'label',
      {},
      `${sort ?? 'sort key'} `,
      h(
        'select',
        { name: 'skOp', disabled: !sort },
        h('option', { value: '' }, 'any'),
        SORT_CONDITIONS.map((op) => h('option', { value: op, selected: params.skOp === op }, op)),
      ),
      ' ',
      field('sk', { disabled: !sort, placeholder: 'value', size: 14 }),
      ' and ',
      field('sk2', { disabled: !sort, placeholder: '(between)', size: 14 }),
    ),
    h(
      'label',
      {},
      'Order ',
      h(
        'select',
        { name: 'order' },
        h('option', { value: 'asc' }, 'ascending'),
        h('option', { value: 'desc', selected: params.order === 'desc' }, 'descending'),
      ),
    ),
    h('button', { type: 'submit', 'data-testid': 'query-submit' }, 'Query'),
    params.pk ? link('dynamodb/table', { name: params.name }, 'clear') : '',
  );
  form.querySelector('select[name=index]').addEventListener('change', (event) => {
    location.hash = route('dynamodb/table', { name: params.name, index: event.target.value });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = route('dynamodb/table', { name: params.name, ...data, skOp: data.skOp || undefined });
  });
  return { form, keyNames: schema.map((k) => k.AttributeName) };
}

async function tableView(params) {
  const detail = await api('dynamodb/table', { name: params.name, next: params.scan });
  const { form, keyNames } = queryForm(detail, params);
  let results;
  if (params.pk) {
    try {
      const result = await api('dynamodb/query', {
        table: params.name,
        index: params.index,
        pk: params.pk,
        skOp: params.skOp,
        sk: params.sk,
        sk2: params.sk2,
        order: params.order,
        next: params.next,
      });
      results = [
        h('p', { class: 'muted' }, code(result.keyConditionExpression), ` — ${result.count} item(s)`),
        itemsTable(result.items, keyNames),
        result.next ? link('dynamodb/table', { ...params, next: result.next }, 'next page →') : '',
      ];
    } catch (err) {
      results = h('p', { class: 'error', 'data-testid': 'query-error' }, err.message);
    }
  }
  const t = detail.table;
  return [
    section(
      `Table ${t.name}`,
      facts([
        ['Status', t.status],
        ['ItemCount (DescribeTable)', t.itemCount],
        ['Size', formatBytes(t.sizeBytes)],
        ['Keys', keyText(t.keySchema)],
        ['Billing', t.billingMode],
        ['Stream', t.stream],
        ['TTL', detail.timeToLive?.AttributeName ? `${detail.timeToLive.AttributeName} (${detail.timeToLive.TimeToLiveStatus})` : 'off'],
        ['Indexes', t.indexes.map((i) => `${i.name} (${i.kind}): ${keyText(i.keySchema)}`).join('; ')],
      ]),
      actionForm({
        label: 'Delete all items…',
        confirm: `Delete every item of ${t.name}?`,
        path: 'dynamodb/purge',
        params: { table: t.name },
        done: (answer) => `Deleted ${answer.deleted} item(s) of ${answer.table}.`,
        testId: 'purge',
      }),
    ),
    section('Query', form, results ?? h('p', { class: 'muted' }, 'Give a partition key value to query.')),
    section(
      'Items (Scan)',
      itemsTable(detail.items, keyNames),
      h(
        'p',
        {},
        params.scan ? link('dynamodb/table', { ...params, scan: undefined }, '← first page') : '',
        ' ',
        detail.next ? link('dynamodb/table', { ...params, scan: detail.next }, 'next page →') : '',
      ),
    ),
  ];
}

export const views = { dynamodb: tables, 'dynamodb/table': tableView };
