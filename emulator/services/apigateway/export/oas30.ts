import {
  apiGatewayExtensions,
  type ExportSource,
  executeApiHost,
  exportedMethods,
  exportedSchema,
  exportVersion,
  methodExtensions,
  methodParameters,
  securityRequirement,
  securitySchemes,
  usedModels,
} from './common.js';

const REF = '#/components/schemas/';

/** The stage as an OpenAPI 3.0.1 document, shaped as API Gateway exports it. */
export function openApi30(source: ExportSource): Record<string, unknown> {
  const { api, snapshot } = source;
  const models = snapshot.models ?? api.models;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const exported of exportedMethods(snapshot)) {
    const { method } = exported;
    const parameters = methodParameters(exported).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      schema: { type: 'string' },
    }));
    const requestModels = Object.entries(method.requestModels ?? {});
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(method.methodResponses ?? {})) {
      const headers = Object.keys(response.responseParameters ?? {})
        .filter((p) => p.startsWith('method.response.header.'))
        .map((p) => [p.slice('method.response.header.'.length), { schema: { type: 'string' } }]);
      const content = Object.entries(response.responseModels ?? {}).map(([type, model]) => [type, { schema: { $ref: `${REF}${model}` } }]);
      responses[status] = {
        description: `${status} response`,
        ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
        content: Object.fromEntries(content),
      };
    }
    const security = securityRequirement(method, snapshot);
    paths[exported.path] ??= {};
    paths[exported.path]![exported.key] = {
      ...(method.operationName ? { operationId: method.operationName } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestModels.length
        ? {
            requestBody: {
              content: Object.fromEntries(requestModels.map(([type, model]) => [type, { schema: { $ref: `${REF}${model}` } }])),
              required: true,
            },
          }
        : {}),
      responses,
      ...(security ? { security } : {}),
      ...methodExtensions(source, method),
    };
  }
  const schemas = Object.fromEntries(usedModels(snapshot, models).map((name) => [name, exportedSchema(models[name], REF)]));
  const schemes = securitySchemes(source);
  return {
    openapi: '3.0.1',
    info: {
      title: api.api.name,
      ...(api.api.description ? { description: api.api.description } : {}),
      version: exportVersion(source.deployedAt),
    },
    servers: [{ url: `https://${executeApiHost(source)}/{basePath}`, variables: { basePath: { default: `/${source.stageName}` } } }],
    paths,
    components: {
      ...(Object.keys(schemas).length ? { schemas } : {}),
      ...(Object.keys(schemes).length ? { securitySchemes: schemes } : {}),
    },
    ...apiGatewayExtensions(source),
  };
}
