import { api } from './api.js';
import { badge, code, external, facts, formatTime, h, link, section, table } from './dom.js';

async function apis() {
  const { apis } = await api('apigateway/apis');
  return section(
    'API Gateway REST APIs',
    table(
      [
        ['Name', (a) => link('apigateway/api', { id: a.id }, a.name)],
        ['Id', (a) => code(a.id)],
        ['Stages', (a) => a.stages.map((s, i) => [i ? ', ' : '', external(s.url, s.name)])],
        ['Created', (a) => formatTime(a.createdDate * 1000)],
      ],
      apis,
      { rowTestId: 'api-row', empty: 'No REST APIs.' },
    ),
  );
}

/** `arn:...:lambda:path/2015-03-31/functions/arn:aws:lambda:r:a:function:NAME[:qualifier]/invocations` → a link to NAME. */
function integrationTarget(integration) {
  const match = /:function:([^/:]+)(?::([^/]+))?\/invocations$/.exec(integration.uri ?? '');
  if (match) return [link('lambda/function', { name: match[1] }, match[1]), match[2] ? `:${match[2]}` : ''];
  return integration.uri ? code(integration.uri) : '';
}

function method(m) {
  const integration = m.integration;
  return h(
    'li',
    { class: 'method', 'data-testid': 'api-method' },
    badge(m.httpMethod, 'method'),
    ' ',
    m.authorizationType === 'NONE' ? 'open' : `${m.authorizationType}${m.authorizer ? ` (${m.authorizer})` : ''}`,
    ' → ',
    integration
      ? [
          integration.type,
          ' ',
          integrationTarget(integration),
          integration.requestTemplates.length ? ` · templates: ${integration.requestTemplates.join(', ')}` : '',
          integration.responses.length ? ` · responses: ${integration.responses.join(', ')}` : '',
        ]
      : h('span', { class: 'error' }, 'no integration'),
  );
}

/** Resources indented by depth, each with its methods. */
function tree(resources) {
  if (!resources.length) return h('p', { class: 'muted' }, 'Nothing deployed.');
  return h(
    'ul',
    { class: 'tree', 'data-testid': 'resource-tree' },
    resources.map((r) =>
      h(
        'li',
        { class: 'resource', 'data-depth': r.path === '/' ? 0 : r.path.split('/').length - 1 },
        h('span', { class: 'path' }, r.path),
        r.methods.length ? h('ul', { class: 'methods' }, r.methods.map(method)) : '',
      ),
    ),
  );
}

async function restApi(params) {
  const detail = await api('apigateway/api', { id: params.id });
  return [
    section(
      `API ${detail.api.name}`,
      facts([
        ['Id', code(detail.api.id)],
        ['Description', detail.api.description],
        ['Created', formatTime(detail.api.createdDate * 1000)],
      ]),
    ),
    detail.stages.map((stage) =>
      section(
        `Stage ${stage.name}`,
        facts([
          ['URL', external(stage.urls.hostStyle)],
          ['Path-style URL', external(stage.urls.pathStyle)],
          ['Deployment', stage.deploymentId ? `${stage.deploymentId} (${formatTime(stage.deployedAt * 1000)})` : 'none'],
          [
            'Variables',
            Object.entries(stage.variables)
              .map(([k, v]) => `${k}=${v}`)
              .join(', '),
          ],
        ]),
        tree(stage.resources),
      ),
    ),
    section(
      'Not yet deployed: the live definition',
      h('details', {}, h('summary', {}, 'Resource tree the next deployment would freeze'), tree(detail.live)),
    ),
  ];
}

export const views = { apigateway: apis, 'apigateway/api': restApi };
