import type { AttributeType, UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../core/store.js';
import type { SrpVerifier } from './srp.js';
import type { Wire } from './wire.js';

/** A pool as DescribeUserPool shows it, less the counts computed on read. */
export type PoolRecord = Wire<Omit<UserPoolType, 'EstimatedNumberOfUsers'>> & { Id: string; Arn: string };
export type ClientRecord = Wire<UserPoolClientType> & { ClientId: string; UserPoolId: string };

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

export interface PendingCode {
  code: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The attribute the code was sent to, verified when the code is confirmed. */
  attribute: 'email' | 'phone_number';
}

export interface UserRecord {
  Username: string;
  /** Every attribute, `sub` included, as AdminGetUser lists them. */
  Attributes: AttributeType[];
  UserStatus: UserStatus;
  Enabled: boolean;
  UserCreateDate: number;
  UserLastModifiedDate: number;
  /** scrypt hash, never the password. */
  passwordHash: string;
  /** Salt and verifier for USER_SRP_AUTH; absent for users whose password was set before SRP was supported, until their next password sign-in. */
  srp?: SrpVerifier;
  /** Epoch ms after which a temporary password (FORCE_CHANGE_PASSWORD) no longer signs in. */
  temporaryPasswordExpiresAt?: number;
  signUpCode?: PendingCode;
  forgotPasswordCode?: PendingCode;
  /** Codes sent to verify an email or phone number; `value` is the new value held back until verified. */
  attributeCodes?: Partial<Record<'email' | 'phone_number', PendingCode & { value?: string }>>;
}

/** A sign-in waiting for the answer to a challenge, found by the hash of its SECRET_BLOCK or Session. */
export interface AuthSessionRecord {
  challenge: 'PASSWORD_VERIFIER' | 'NEW_PASSWORD_REQUIRED';
  /** The user's username, or the name given when the user does not exist (a decoy challenge). */
  username: string;
  userExists: boolean;
  clientId: string;
  /** Epoch ms. */
  expiresAt: number;
  /** PASSWORD_VERIFIER: the exchange so far (hex) and the verifier it was computed with. */
  srp?: { A: string; B: string; b: string; verifier: string };
  /** The flow that started the sign-in, for the PreTokenGeneration trigger source. */
  flow: string;
}

export interface RefreshTokenRecord {
  username: string;
  clientId: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Carried from the authentication into every token refreshed from it. */
  originJti: string;
  eventId: string;
  authTime: number;
  /** Set by RevokeToken and GlobalSignOut: the token no longer refreshes. */
  revoked?: boolean;
}

/** The RS256 key a pool signs its tokens with (JWK form, so the store keeps it as JSON). */
export interface SigningKeyRecord {
  kid: string;
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
}

export interface OutboxEntry {
  userPoolId: string;
  username: string;
  destination: string;
  code: string;
  kind: 'SIGN_UP' | 'RESEND' | 'FORGOT_PASSWORD' | 'ADMIN_CREATE_USER' | 'VERIFY_ATTRIBUTE';
  createdAt: string;
  /** The message as it would have been sent (after the CustomMessage trigger), the code in it. */
  message?: string;
  subject?: string;
}

const SERVICE = 'cognito';
const base = (account: string, region: string) => `${SERVICE}/${account}/${region}`;
/** Path segments are split on '/', which usernames may contain. */
const segment = (value: string) => encodeURIComponent(value);

export const regionOfPoolId = (poolId: string) => poolId.slice(0, poolId.lastIndexOf('_'));

/** Where Cognito keeps its state in the store: pools, clients, users, refresh tokens, sent codes. */
export class CognitoState {
  private outboxCounter = 0;

  constructor(readonly store: Store) {}

  pool(account: string, region: string, poolId: string): PoolScope | undefined {
    const pool = this.store.get<PoolRecord>(`${base(account, region)}/pools/${segment(poolId)}`);
    return pool ? new PoolScope(this.store, account, region, pool) : undefined;
  }

  putPool(account: string, region: string, pool: PoolRecord): PoolScope {
    this.store.put(`${base(account, region)}/pools/${segment(pool.Id)}`, pool);
    return new PoolScope(this.store, account, region, pool);
  }

  pools(account: string, region: string): PoolRecord[] {
    return this.store.keys(`${base(account, region)}/pools`).map((key) => this.store.get<PoolRecord>(key)!);
  }

  /** A pool found by id alone (unsigned requests and tokens): the region is in the id, the account is searched. */
  locatePool(poolId: string, accountHint: string): PoolScope | undefined {
    const region = regionOfPoolId(poolId);
    const direct = this.pool(accountHint, region, poolId);
    if (direct) return direct;
    for (const account of this.accounts()) {
      const found = this.pool(account, region, poolId);
      if (found) return found;
    }
    return undefined;
  }

  client(account: string, region: string, clientId: string): ClientRecord | undefined {
    return this.store.get<ClientRecord>(`${base(account, region)}/clients/${segment(clientId)}`);
  }

  /**
   * A client found by id alone, for the unauthenticated operations: a browser calls them unsigned,
   * so the request's account and region are only a first guess.
   */
  locateClient(clientId: string, hint: { account: string; region: string }): { scope: PoolScope; client: ClientRecord } | undefined {
    const suffix = `/clients/${segment(clientId)}`;
    const direct = this.client(hint.account, hint.region, clientId);
    const key = direct
      ? `${base(hint.account, hint.region)}${suffix}`
      : this.store.keys(SERVICE).find((k) => k.endsWith(suffix) && k.split('/').length === 5);
    if (!key) return undefined;
    const [, account, region] = key.split('/') as [string, string, string];
    const client = direct ?? this.store.get<ClientRecord>(key)!;
    const scope = this.pool(account, region, client.UserPoolId);
    return scope ? { scope, client } : undefined;
  }

  private accounts(): string[] {
    const accounts = new Set<string>();
    for (const key of this.store.keys(SERVICE)) accounts.add(key.split('/')[1]!);
    return [...accounts];
  }

  /** Records a code "sent" to a user; kept per account and region, newest last. */
  addToOutbox(account: string, region: string, entry: OutboxEntry): void {
    const id = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${(this.outboxCounter++).toString().padStart(6, '0')}`;
    this.store.put(`${base(account, region)}/outbox/${id}`, entry);
  }

  /** Every code sent, across accounts and regions, oldest first. */
  outbox(): OutboxEntry[] {
    return this.store
      .keys(SERVICE)
      .filter((key) => key.split('/')[3] === 'outbox')
      .sort((a, b) => (a.split('/')[4]! < b.split('/')[4]! ? -1 : 1))
      .map((key) => this.store.get<OutboxEntry>(key)!);
  }
}

/** One pool and what belongs to it. */
export class PoolScope {
  private readonly root: string;

  constructor(
    private readonly store: Store,
    readonly account: string,
    readonly region: string,
    public pool: PoolRecord,
  ) {
    this.root = base(account, region);
  }

  get id(): string {
    return this.pool.Id;
  }

  save(pool: PoolRecord): void {
    this.pool = pool;
    this.store.put(`${this.root}/pools/${segment(pool.Id)}`, pool);
  }

  /** Removes the pool with its key, clients, users and refresh tokens. */
  delete(): void {
    for (const client of this.clients()) this.deleteClient(client.ClientId);
    this.store.deleteAll(`${this.root}/users/${segment(this.id)}`);
    this.store.deleteAll(`${this.root}/refresh/${segment(this.id)}`);
    this.store.deleteAll(`${this.root}/sessions/${segment(this.id)}`);
    this.store.deleteAll(`${this.root}/revoked/${segment(this.id)}`);
    this.store.delete(`${this.root}/keys/${segment(this.id)}`);
    this.store.delete(`${this.root}/pools/${segment(this.id)}`);
  }

  signingKey(): SigningKeyRecord | undefined {
    return this.store.get<SigningKeyRecord>(`${this.root}/keys/${segment(this.id)}`);
  }

  putSigningKey(key: SigningKeyRecord): void {
    this.store.put(`${this.root}/keys/${segment(this.id)}`, key);
  }

  /** Store path of the signing key: unique per pool, used to cache parsed keys. */
  get keyPath(): string {
    return `${this.root}/keys/${segment(this.id)}`;
  }

  // Clients -----------------------------------------------------------------------------------

  client(clientId: string): ClientRecord | undefined {
    const client = this.store.get<ClientRecord>(`${this.root}/clients/${segment(clientId)}`);
    return client?.UserPoolId === this.id ? client : undefined;
  }

  putClient(client: ClientRecord): void {
    this.store.put(`${this.root}/clients/${segment(client.ClientId)}`, client);
  }

  deleteClient(clientId: string): void {
    this.store.delete(`${this.root}/clients/${segment(clientId)}`);
  }

  clients(): ClientRecord[] {
    return this.store
      .keys(`${this.root}/clients`)
      .map((key) => this.store.get<ClientRecord>(key)!)
      .filter((client) => client.UserPoolId === this.id)
      .sort((a, b) => a.CreationDate! - b.CreationDate! || (a.ClientId < b.ClientId ? -1 : 1));
  }

  // Users -------------------------------------------------------------------------------------

  private get caseSensitive(): boolean {
    return this.pool.UsernameConfiguration?.CaseSensitive !== false;
  }

  /** The store key of a username: pools that ignore case keep one lower-case key. */
  usernameKey(username: string): string {
    return segment(this.caseSensitive ? username : username.toLowerCase());
  }

  private userPath(username: string): string {
    return `${this.root}/users/${segment(this.id)}/${this.usernameKey(username)}`;
  }

  /** The user with exactly this username. */
  user(username: string): UserRecord | undefined {
    return this.store.get<UserRecord>(this.userPath(username));
  }

  /** The user a person names at sign-in: the username, or an email/phone when the pool signs in with those. */
  findUser(name: string): UserRecord | undefined {
    const direct = this.user(name);
    if (direct) return direct;
    const signInAttributes = [...(this.pool.UsernameAttributes ?? []), ...(this.pool.AliasAttributes ?? [])];
    if (signInAttributes.length === 0) return undefined;
    const wanted = name.toLowerCase();
    return this.users().find((user) =>
      user.Attributes.some(
        (a) =>
          signInAttributes.includes(a.Name as never) &&
          a.Value?.toLowerCase() === wanted &&
          (this.pool.UsernameAttributes?.includes(a.Name as never) || attribute(user, `${a.Name}_verified`) === 'true'),
      ),
    );
  }

  putUser(user: UserRecord): void {
    this.store.put(this.userPath(user.Username), user);
  }

  deleteUser(username: string): void {
    this.store.delete(this.userPath(username));
    const prefix = `${this.root}/refresh/${segment(this.id)}`;
    for (const key of this.store.keys(prefix)) {
      if (this.store.get<RefreshTokenRecord>(key)?.username === username) this.store.delete(key);
    }
  }

  /** Users in a stable order; `after` is a key from `userKey` to resume from. */
  users(after?: string): UserRecord[] {
    const prefix = `${this.root}/users/${segment(this.id)}`;
    return this.store
      .keys(prefix)
      .filter((key) => after === undefined || key.slice(prefix.length + 1) > after)
      .map((key) => this.store.get<UserRecord>(key)!);
  }

  userCount(): number {
    return this.store.keys(`${this.root}/users/${segment(this.id)}`).length;
  }

  // Refresh tokens ----------------------------------------------------------------------------

  refreshToken(hash: string): RefreshTokenRecord | undefined {
    return this.store.get<RefreshTokenRecord>(`${this.root}/refresh/${segment(this.id)}/${hash}`);
  }

  putRefreshToken(hash: string, record: RefreshTokenRecord): void {
    this.store.put(`${this.root}/refresh/${segment(this.id)}/${hash}`, record);
  }

  /** Revokes every refresh token of a user and the access tokens of their sessions (GlobalSignOut). */
  revokeUserSessions(username: string): void {
    for (const key of this.store.keys(`${this.root}/refresh/${segment(this.id)}`)) {
      const record = this.store.get<RefreshTokenRecord>(key);
      if (record?.username !== username || record.revoked) continue;
      this.store.put(key, { ...record, revoked: true });
      this.revokeSession(record.originJti, record.expiresAt);
    }
  }

  /** Marks the access tokens of one authentication (their `origin_jti`) as revoked until they could have expired. */
  revokeSession(originJti: string, until: number): void {
    this.store.put(`${this.root}/revoked/${segment(this.id)}/${segment(originJti)}`, { until });
  }

  sessionRevoked(originJti: string): boolean {
    return this.store.get(`${this.root}/revoked/${segment(this.id)}/${segment(originJti)}`) !== undefined;
  }

  // Sign-ins waiting for a challenge answer ------------------------------------------------------

  authSession(hash: string): AuthSessionRecord | undefined {
    return this.store.get<AuthSessionRecord>(`${this.root}/sessions/${segment(this.id)}/${hash}`);
  }

  /** Keeps a new challenge session, dropping the ones that expired. */
  putAuthSession(hash: string, record: AuthSessionRecord): void {
    const prefix = `${this.root}/sessions/${segment(this.id)}`;
    const now = Date.now();
    for (const key of this.store.keys(prefix)) {
      const old = this.store.get<AuthSessionRecord>(key);
      if (!old || old.expiresAt <= now) this.store.delete(key);
    }
    this.store.put(`${prefix}/${hash}`, record);
  }

  deleteAuthSession(hash: string): void {
    this.store.delete(`${this.root}/sessions/${segment(this.id)}/${hash}`);
  }
}

export function attribute(user: UserRecord, name: string): string | undefined {
  return user.Attributes.find((a) => a.Name === name)?.Value;
}

export function setAttribute(user: UserRecord, name: string, value: string): void {
  const existing = user.Attributes.find((a) => a.Name === name);
  if (existing) existing.Value = value;
  else user.Attributes.push({ Name: name, Value: value });
}
