import { bundleHandlers } from './bundle.js';
import { buildClient, CLIENT_DIST } from './client-build.js';
import type { StackOutputs } from './outputs.js';
import { step } from './progress.js';
import { FUNCTIONS, ROUTES, type RouteSpec, STACK, websiteBucketName } from './stack.js';
import { ensureAlarms, ensureLogGroups, LOG_RETENTION_DAYS, monitoringClientsFor } from './steps/alarms.js';
import { ensureApi } from './steps/api.js';
import { ensureDistribution, invalidateAll } from './steps/cdn.js';
import { uploadClient } from './steps/client-upload.js';
import { allowApiGateway, allowCognito, ensureAliases, ensureFunction } from './steps/functions.js';
import { basicRole, chatRole, cognitoRole, ensureRole, streamRole } from './steps/roles.js';
import { ensureStreamMapping } from './steps/stream-mapping.js';
import { conversationsTable, ensureTable, messagesTable } from './steps/tables.js';
import { ensureUserPool } from './steps/user-pool.js';
import { ensureWebsiteBucket } from './steps/website.js';
import { clientsFor, functionEnvironment, publicEndpointOf, type Target } from './target.js';

/** The execute-api ARN of one route in any stage, path parameters as wildcards. */
function routeSourceArn(region: string, account: string, apiId: string, route: RouteSpec): string {
  return `arn:aws:execute-api:${region}:${account}:${apiId}/*/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}`;
}

/** URLs of the data planes: on the local cloud the documented forms, on AWS the regional endpoints. */
function urlsFor(target: Target, apiId: string, bucket: string) {
  const endpoint = publicEndpointOf(target);
  if (endpoint) {
    const edge = new URL(endpoint);
    const website = target.name === 'localstack' ? 's3-website.localhost.localstack.cloud' : 's3-website.localhost';
    return {
      apiUrl: `${endpoint}/restapis/${apiId}/${STACK.stage}/_user_request_`,
      websiteUrl: `http://${bucket}.${website}:${edge.port || 80}/`,
      websitePathUrl: `${endpoint}/${bucket}/index.html`,
    };
  }
  return {
    apiUrl: `https://${apiId}.execute-api.${target.region}.amazonaws.com/${STACK.stage}`,
    websiteUrl: `http://${bucket}.s3-website-${target.region}.amazonaws.com/`,
    websitePathUrl: `https://${bucket}.s3.${target.region}.amazonaws.com/index.html`,
  };
}

/** Creates or updates the whole chat stack, one idempotent step per resource. */
export async function provision(target: Target, log: (line: string) => void = console.log): Promise<StackOutputs> {
  const clients = clientsFor(target);
  // Bundling runs in esbuild's own process, beside the first steps.
  const zips = bundleHandlers(FUNCTIONS.map((fn) => fn.entry));
  zips.catch(() => {}); // a failure is reported by the first step that needs a zip
  log(`Provisioning the chat stack into ${target.name}${target.endpoint ? ` at ${target.endpoint}` : ''} (${target.region})`);

  const [messages, conversations] = await Promise.all([
    step(`table ${STACK.tables.messages} with a ${STACK.tables.messagesStreamView} stream`, () => ensureTable(clients, messagesTable), log),
    step(
      `table ${STACK.tables.conversations} with index ${STACK.tables.conversationsByUser}`,
      () => ensureTable(clients, conversationsTable),
      log,
    ),
  ]);
  const tableArns = { messages: messages.tableArn, conversations: conversations.tableArn };
  const account = tableArns.messages.split(':')[4]!;
  const basicRoleArn = await step(`role ${STACK.roles.basic}`, () => ensureRole(clients, basicRole()), log);
  const trigger = FUNCTIONS.find((fn) => fn.trigger === 'PreSignUp')!;
  let triggerFunctionArn = '';
  await step(
    `function ${trigger.name} with aliases ${Object.values(STACK.stages).join(', ')}`,
    async () => {
      const zip = (await zips)[trigger.entry]!;
      triggerFunctionArn = await ensureFunction(clients, {
        name: trigger.name,
        roleArn: basicRoleArn,
        zip,
        environment: functionEnvironment(target),
      });
      await ensureAliases(clients, trigger.name);
    },
    log,
  );
  const triggerArn = `arn:aws:lambda:${target.region}:${account}:function:${trigger.name}:${STACK.stages.prod}`;
  const pool = await step(
    `user pool ${STACK.userPool} (PreSignUp trigger) and client ${STACK.userPoolClient}`,
    async () => {
      const created = await ensureUserPool(clients, { preSignUpArn: triggerArn });
      await allowCognito(clients, trigger.name, STACK.stages.prod, created.userPoolArn);
      return created;
    },
    log,
  );
  const roleArns = {
    chat: await step(`role ${STACK.roles.chat}`, () => ensureRole(clients, chatRole(tableArns, pool.userPoolArn)), log),
    stream: await step(`role ${STACK.roles.stream}`, () => ensureRole(clients, streamRole(tableArns)), log),
    cognito: await step(`role ${STACK.roles.cognito}`, () => ensureRole(clients, cognitoRole(pool.userPoolArn)), log),
    basic: basicRoleArn,
  };
  const environment = {
    MESSAGES_TABLE: STACK.tables.messages,
    CONVERSATIONS_TABLE: STACK.tables.conversations,
    CONVERSATIONS_INDEX: STACK.tables.conversationsByUser,
    USER_POOL_ID: pool.userPoolId,
    ...functionEnvironment(target),
  };
  const functionArns: Record<string, string> = { [trigger.name]: triggerFunctionArn };
  const liveVersions: Record<string, string> = {};
  await Promise.all(
    FUNCTIONS.filter((fn) => !fn.trigger).map((fn) =>
      step(
        `function ${fn.name} with aliases ${Object.values(STACK.stages).join(', ')}`,
        async () => {
          const zip = (await zips)[fn.entry]!;
          functionArns[fn.name] = await ensureFunction(clients, { name: fn.name, roleArn: roleArns[fn.role], zip, environment });
          liveVersions[fn.name] = (await ensureAliases(clients, fn.name)).live;
        },
        log,
      ),
    ),
  );
  for (const fn of FUNCTIONS.filter((f) => f.stream === STACK.tables.messages)) {
    await step(
      `${STACK.tables.messages} stream feeding ${fn.name}:${STACK.stages.prod}`,
      () => ensureStreamMapping(clients, `${functionArns[fn.name]}:${STACK.stages.prod}`, messages.streamArn!),
      log,
    );
  }
  const monitoring = monitoringClientsFor(target);
  const functionNames = FUNCTIONS.map((fn) => fn.name);
  await step(`log groups with ${LOG_RETENTION_DAYS}-day retention`, () => ensureLogGroups(monitoring, functionNames), log);
  const api = await step(
    `REST API ${STACK.api}, deployed to stages ${Object.keys(STACK.stages).join(', ')}`,
    () => ensureApi(clients, { region: target.region, account, userPoolArn: pool.userPoolArn }),
    log,
  );
  await step(
    "API Gateway allowed to invoke each route's function aliases",
    () =>
      Promise.all(
        ROUTES.flatMap((route) =>
          Object.values(STACK.stages).map((alias) =>
            allowApiGateway(clients, route.function, alias, routeSourceArn(target.region, account, api.apiId, route)),
          ),
        ),
      ),
    log,
  );

  await step(
    'alarms: 5XX on the API, errors of each function',
    () => ensureAlarms(monitoring, { apiName: STACK.api, stage: STACK.stage, functionNames }),
    log,
  );

  const bucket = websiteBucketName(account, target.region);
  await step(`website bucket ${bucket}`, () => ensureWebsiteBucket(clients, bucket, target.region), log);
  const urls = urlsFor(target, api.apiId, bucket);
  const built = await step('client build', () => buildClient(), log);
  const uploaded = await step(
    'client upload with config.json',
    () =>
      uploadClient(clients, bucket, CLIENT_DIST, {
        region: target.region,
        apiUrl: urls.apiUrl,
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.userPoolClientId,
        cognitoEndpoint: publicEndpointOf(target, 'cognito') ?? null,
        local: target.name === 'local',
        outboxUrl: target.name === 'local' ? `${target.endpoint}/_emulator/cognito/codes` : null,
      }),
    log,
  );
  log(`  (client ${built}, ${uploaded} files uploaded)`);
  const cdn = await step(
    'CloudFront distribution in front of the website, cache invalidated',
    async () => {
      const distribution = await ensureDistribution(clients, {
        bucket,
        region: target.region,
        endpoint: publicEndpointOf(target, 'cloudfront'),
      });
      await invalidateAll(clients, distribution.distributionId);
      return distribution;
    },
    log,
  );
  return {
    target: target.name,
    region: target.region,
    endpoint: target.endpoint ?? null,
    account,
    ...urls,
    apiId: api.apiId,
    stage: api.stage,
    cdnUrl: cdn.url,
    userPoolId: pool.userPoolId,
    userPoolClientId: pool.userPoolClientId,
    websiteBucket: bucket,
    functions: functionArns,
    liveVersions,
  };
}
