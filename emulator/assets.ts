import { fileURLToPath } from 'node:url';

/**
 * Files the local cloud reads at run time, named relative to this module. The build
 * (scripts/build-emulator.ts) copies them to the same places beside the bundle, so these paths hold
 * for the sources and for dist/emulator/ alike.
 */
export const ASSETS = {
  /** The Lambda runtime's bootstrap, run in each execution environment's child process. */
  lambdaBootstrap: fileURLToPath(new URL('./services/lambda/runtime/bootstrap.mjs', import.meta.url)),
  /** The local console's static page. */
  consolePage: fileURLToPath(new URL('./console/page/', import.meta.url)),
};

/** Folders of ASSETS, relative to the emulator's root, that the build copies. */
export const ASSET_DIRS = ['services/lambda/runtime', 'console/page'];
