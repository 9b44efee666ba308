import { fileURLToPath } from 'node:url';

/**
 * Files the local cloud reads at run time, named relative to this module. The build
 * (scripts/build.mjs) copies them to the same places beside its bundles in dist/, so these paths
 * hold for the sources and the bundles alike.
 */
export const ASSETS = {
  /** The Lambda runtime's bootstrap, run in each execution environment's child process. */
  lambdaBootstrap: fileURLToPath(new URL('./services/lambda/runtime/bootstrap.mjs', import.meta.url)),
  /** The local console's static page. */
  consolePage: fileURLToPath(new URL('./console/page/', import.meta.url)),
};
