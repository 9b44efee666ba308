// Module resolve hook of the local Lambda runtime: bare imports an ES module handler cannot
// resolve from its own package are looked up in the runtime's module directories (NODE_PATH),
// as the Node.js runtimes on AWS offer their bundled AWS SDK to ES modules too.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let parents = [];

export function initialize(data) {
  parents = (data?.dirs ?? []).map((dir) => pathToFileURL(path.join(dir, 'noop.mjs')).href);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || /^(\.|\/|[a-z]+:)/.test(specifier)) throw err;
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch {
        // try the next directory
      }
    }
    throw err;
  }
}
