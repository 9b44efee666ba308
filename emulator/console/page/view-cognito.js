import { api } from './api.js';
import { badge, code, facts, formatTime, h, link, section, table } from './dom.js';

async function pools() {
  const { pools } = await api('cognito/pools');
  return section(
    'Cognito user pools',
    table(
      [
        ['Name', (p) => link('cognito/pool', { id: p.id }, p.name)],
        ['Id', (p) => code(p.id)],
        ['Users', (p) => p.estimatedUsers],
        ['Created', (p) => formatTime(p.createdAt * 1000)],
      ],
      pools,
      { rowTestId: 'pool-row', empty: 'No user pools.' },
    ),
  );
}

async function pool(params) {
  const detail = await api('cognito/pool', { id: params.id, next: params.next });
  const p = detail.pool;
  return [
    section(
      `User pool ${p.name}`,
      facts([
        ['Id', code(p.id)],
        ['ARN', code(p.arn)],
        ['Users', p.estimatedUsers],
        ['Sign-in with', (p.usernameAttributes ?? []).join(', ') || 'username'],
        ['Verified automatically', (p.autoVerifiedAttributes ?? []).join(', ')],
        ['MFA', p.mfa],
        ['Password policy', p.passwordPolicy ? `min ${p.passwordPolicy.MinimumLength} characters` : ''],
        ['Triggers', Object.keys(p.lambdaTriggers ?? {}).join(', ')],
        ['App clients', detail.clients.map((c) => `${c.name} (${c.id})`).join(', ')],
      ]),
    ),
    section(
      'Users',
      table(
        [
          ['Username', (u) => u.username],
          ['Status', (u) => badge(u.status)],
          ['Enabled', (u) => (u.enabled ? 'yes' : 'no')],
          ['Email', (u) => u.attributes.email ?? ''],
          ['Email verified', (u) => u.attributes.email_verified ?? ''],
          ['Created', (u) => formatTime(u.createdAt * 1000)],
        ],
        detail.users,
        { rowTestId: 'user-row', empty: 'No users.' },
      ),
      detail.next ? link('cognito/pool', { id: params.id, next: detail.next }, 'next page →') : '',
    ),
    section(
      'Codes outbox (newest first)',
      table(
        [
          ['Sent', (c) => formatTime(c.createdAt)],
          ['Username', (c) => c.username],
          ['Kind', (c) => c.kind],
          ['To', (c) => c.destination],
          ['Code', (c) => h('strong', { class: 'code' }, c.code)],
        ],
        detail.codes,
        { rowTestId: 'code-row', empty: 'No codes sent.' },
      ),
    ),
  ];
}

export const views = { cognito: pools, 'cognito/pool': pool };
