import type { Server } from 'node:http';
import { join } from 'node:path';
import { consoleRoutes } from './console/index.js';
import { type AdminRoute, createEdge, listen } from './core/edge.js';
import { ServiceRegistry } from './core/service.js';
import { openStore } from './core/store.js';
import { SERVICES } from './services/index.js';

export interface LocalCloudOptions {
  /** 0 picks a free port. Default: PORT or 4566. */
  port?: number;
  host?: string;
  /** Where state lives; undefined keeps everything in memory. */
  stateDir?: string;
  accountId?: string;
  region?: string;
  debug?: boolean;
  /** Verify SigV4 signatures of known keys. Default: on unless EMULATOR_VERIFY_SIGNATURES=0. */
  verifySignatures?: boolean;
  /** Enforce IAM policies of IAM users and assumed roles (Lambda execution roles included). Default: EMULATOR_ENFORCE_IAM=1. */
  enforceIam?: boolean;
}

export interface LocalCloud {
  port: number;
  /** e.g. http://localhost:4566 */
  url: string;
  stateDir?: string;
  close(): Promise<void>;
}

/**
 * Reads the documented environment variables: PORT, EMULATOR_STATE_DIR, EMULATOR_PERSIST,
 * EMULATOR_ACCOUNT_ID (EMULATOR_VERIFY_SIGNATURES and EMULATOR_ENFORCE_IAM are read by startLocalCloud).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalCloudOptions {
  const persist = env.EMULATOR_PERSIST !== '0';
  return {
    port: env.PORT ? Number(env.PORT) : 4566,
    stateDir: persist ? (env.EMULATOR_STATE_DIR ?? join(process.cwd(), '.emulator')) : undefined,
    accountId: env.EMULATOR_ACCOUNT_ID,
    region: env.EMULATOR_REGION,
    debug: env.EMULATOR_DEBUG === '1',
  };
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const store = openStore(options.stateDir);
  const enforceIam = options.enforceIam ?? process.env.EMULATOR_ENFORCE_IAM === '1';
  const services = new ServiceRegistry();
  const adminRoutes = new Map<string, AdminRoute>();
  let edgeUrl = 'http://localhost:4566';
  const ctx = {
    store,
    services,
    edgeUrl: () => edgeUrl,
    log: (message: string) => console.log(message),
    enforceIam,
  };
  for (const factory of SERVICES) {
    const service = factory.create(ctx);
    services.add(service);
    for (const [route, handler] of Object.entries(factory.adminRoutes?.(service) ?? {})) adminRoutes.set(route, handler);
  }
  for (const [route, handler] of Object.entries(consoleRoutes({ services, store }))) adminRoutes.set(route, handler);
  const server: Server = createEdge({
    services,
    store,
    adminRoutes,
    defaultAccount: options.accountId ?? '000000000000',
    defaultRegion: options.region ?? 'us-east-1',
    debug: options.debug,
    verifySignatures: options.verifySignatures ?? process.env.EMULATOR_VERIFY_SIGNATURES !== '0',
    enforceIam,
  });
  const port = await listen(server, options.port ?? 4566, options.host);
  edgeUrl = `http://localhost:${port}`;
  return {
    port,
    url: edgeUrl,
    stateDir: options.stateDir,
    async close() {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const service of services.all()) await service.close?.();
    },
  };
}
