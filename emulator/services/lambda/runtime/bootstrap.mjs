// The runtime interface client of the local Lambda executor, run as the execution environment's
// process. It speaks the Lambda Runtime API (/2018-06-01/runtime/...) to AWS_LAMBDA_RUNTIME_API,
// loads the handler named by _HANDLER from LAMBDA_TASK_ROOT, runs one invocation at a time and
// writes console output the way the Node.js runtimes on AWS do. Plain JavaScript: it runs as is.
import { existsSync, readFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, types } from 'node:util';

const BOOTSTRAP = fileURLToPath(import.meta.url);
const TELEMETRY_FD = 3;
const [apiHost, apiPort] = (process.env.AWS_LAMBDA_RUNTIME_API ?? '').split(':');
const agent = new http.Agent({ keepAlive: true, noDelay: true });

/** The invocation being run, if any; console lines carry its request id. */
let current;
let lastRequestId;
let initialising = true;

// --- Runtime API ---------------------------------------------------------------------------

function callApi(method, route, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      {
        host: apiHost,
        port: Number(apiPort),
        method,
        path: `/2018-06-01/runtime${route}`,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length, ...headers } : headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function postError(route, error) {
  const response = toRapidResponse(error);
  return callApi('POST', route, JSON.stringify(response), { 'lambda-runtime-function-error-type': response.errorType });
}

/** The Runtime API is gone (the local cloud stopped or replaced this environment): leave quietly. */
function apiLost() {
  process.exit(1);
}

// --- console, as on AWS: "<ISO time>\t<request id>\t<LEVEL>\t<message>" --------------------

function emit(level, args) {
  const message = `${new Date().toISOString()}\t${lastRequestId ?? 'undefined'}\t${level}\t${format(...args)}`;
  const line = Buffer.from(`${JSON.stringify({ t: Date.now(), m: message })}\n`);
  let offset = 0;
  while (offset < line.length) {
    try {
      offset += writeSync(TELEMETRY_FD, line, offset);
    } catch (err) {
      if (err?.code === 'EAGAIN') continue;
      process.stderr.write(`${message}\n`);
      return;
    }
  }
}

console.log = (...args) => emit('INFO', args);
console.info = (...args) => emit('INFO', args);
console.warn = (...args) => emit('WARN', args);
console.error = (...args) => emit('ERROR', args);
console.debug = (...args) => emit('DEBUG', args);
console.trace = (...args) => {
  const trace = new Error(format(...args));
  trace.name = 'Trace';
  emit('TRACE', [trace.stack]);
};

// --- errors, in the shape the Node.js runtime reports them ----------------------------------

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

function toRapidResponse(error) {
  try {
    if (types.isNativeError(error) || (error && typeof error === 'object' && 'name' in error && 'message' in error)) {
      return { errorType: error.name, errorMessage: error.message, trace: String(error.stack ?? '').split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

function toFormatted(error) {
  const { errorType, errorMessage, trace } = toRapidResponse(error);
  return `\t${JSON.stringify({ errorType, errorMessage, stack: trace })}`;
}

// --- loading the handler --------------------------------------------------------------------

const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const requireFromTask = createRequire(path.join(taskRoot, 'index.js'));
let esmHookRegistered = false;

function isModulePackage(dir) {
  for (let at = dir; ; at = path.dirname(at)) {
    const manifest = path.join(at, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (at === taskRoot || path.dirname(at) === at) return false;
  }
}

async function importModule(file) {
  if (!esmHookRegistered && typeof register === 'function') {
    esmHookRegistered = true;
    const dirs = (process.env.NODE_PATH ?? '').split(':').filter(Boolean);
    register('./esm-resolve.mjs', import.meta.url, { data: { dirs } });
  }
  return import(pathToFileURL(file).href);
}

async function loadModule(base, moduleName) {
  if (existsSync(`${base}.mjs`)) return importModule(`${base}.mjs`);
  if (existsSync(`${base}.cjs`)) return requireFromTask(`${base}.cjs`);
  if (existsSync(`${base}.js`)) {
    if (isModulePackage(path.dirname(base))) return importModule(`${base}.js`);
    try {
      return requireFromTask(`${base}.js`);
    } catch (err) {
      if (err?.code === 'ERR_REQUIRE_ESM') return importModule(`${base}.js`);
      throw err;
    }
  }
  throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${BOOTSTRAP}`);
}

async function loadHandler() {
  const spec = process.env._HANDLER ?? '';
  const slash = spec.lastIndexOf('/');
  const file = spec.slice(slash + 1);
  const dot = file.indexOf('.');
  if (dot < 1 || dot === file.length - 1) throw new RuntimeError('Runtime.MalformedHandlerName', 'Bad handler');
  const moduleName = spec.slice(0, slash + 1) + file.slice(0, dot);
  const handlerPath = file.slice(dot + 1);
  let mod;
  try {
    mod = await loadModule(path.resolve(taskRoot, moduleName), moduleName);
  } catch (err) {
    if (err instanceof RuntimeError) throw err;
    if (err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new RuntimeError('Runtime.ImportModuleError', `${err.name}: ${err.message}`);
    }
    if (err instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${err.name}: ${err.message}`);
    throw err;
  }
  let handler = mod;
  for (const part of handlerPath.split('.')) handler = handler?.[part];
  if (handler === undefined) throw new RuntimeError('Runtime.HandlerNotFound', `${moduleName}.${handlerPath} is undefined or not exported`);
  if (typeof handler !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${moduleName}.${handlerPath} is not a function`);
  return handler;
}

// --- running an invocation ------------------------------------------------------------------

/**
 * Promise handlers answer when their promise settles. Callback handlers answer when they call
 * back, after the event loop empties unless context.callbackWaitsForEmptyEventLoop is false; a
 * handler that neither returns a promise nor calls back answers null once the loop is empty.
 */
function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    let finished = false;
    let pending;
    const finish = (failed, value) => {
      if (finished) return;
      finished = true;
      process.removeListener('beforeExit', onBeforeExit);
      if (failed) reject(value);
      else resolve(value);
    };
    const onBeforeExit = () => (pending ? finish(pending.failed, pending.value) : finish(false, null));
    const callback = (err, value) => {
      if (finished || pending) return;
      const outcome = err === undefined || err === null ? { failed: false, value } : { failed: true, value: err };
      if (context.callbackWaitsForEmptyEventLoop) pending = outcome;
      else finish(outcome.failed, outcome.value);
    };
    context.done = callback;
    context.succeed = (value) => callback(null, value);
    context.fail = (err) => callback(err ?? 'handled');
    process.on('beforeExit', onBeforeExit);
    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (err) {
      finish(true, err);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (value) => finish(false, value),
        (err) => finish(true, err),
      );
    }
  });
}

function makeContext(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  let clientContext;
  if (headers['lambda-runtime-client-context']) {
    try {
      clientContext = JSON.parse(headers['lambda-runtime-client-context']);
    } catch {
      clientContext = undefined;
    }
  }
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

async function invokeOnce(handler, next) {
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  current = { requestId, answered: false };
  lastRequestId = requestId;
  if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
  else delete process.env._X_AMZN_TRACE_ID;
  const text = next.body.toString('utf8');
  let event;
  try {
    event = text ? JSON.parse(text) : {};
  } catch {
    event = text;
  }
  let body;
  try {
    const result = await runHandler(handler, event, makeContext(next.headers));
    body = JSON.stringify(result === undefined ? null : result);
  } catch (err) {
    console.error('Invoke Error', toFormatted(err));
    current.answered = true;
    await postError(`/invocation/${requestId}/error`, err);
    current = undefined;
    return;
  }
  current.answered = true;
  await callApi('POST', `/invocation/${requestId}/response`, body);
  current = undefined;
}

/** A crash while running: answer the invocation (or init) with the error, then end the process as AWS does. */
async function failFatally(error, exitCode) {
  try {
    if (initialising) await postError('/init/error', error);
    else if (current && !current.answered) {
      current.answered = true;
      await postError(`/invocation/${current.requestId}/error`, error);
    }
  } finally {
    process.exit(exitCode);
  }
}

process.on('uncaughtException', (error) => {
  console.error('Uncaught Exception', toFormatted(error));
  failFatally(error, 129);
});

process.on('unhandledRejection', (reason) => {
  const error = new RuntimeError(
    'Runtime.UnhandledPromiseRejection',
    types.isNativeError(reason) ? `${reason.name}: ${reason.message}` : String(reason),
  );
  console.error('Unhandled Promise Rejection', toFormatted(error));
  failFatally(error, 128);
});

// If the local cloud dies without stopping this environment, do not outlive it (checked off the event loop's books).
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.exit(1);
}, 1000).unref();

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    console.error('Uncaught Exception', toFormatted(err));
    await failFatally(err, 129);
    return;
  }
  initialising = false;
  for (;;) {
    let next;
    try {
      next = await callApi('GET', '/invocation/next');
    } catch {
      return apiLost();
    }
    if (next.status !== 200) return apiLost();
    try {
      await invokeOnce(handler, next);
    } catch {
      return apiLost();
    }
  }
}

main();
