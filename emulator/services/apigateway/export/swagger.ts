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

const REF = '#/definitions/';

/** The stage as a Swagger 2.0 document, shaped as API Gateway exports it. */
export function swagger2(source: ExportSource): Record<string, unknown> {
  const { api, snapshot } = source;
  const models = snapshot.models ?? api.models;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const exported of exportedMethods(snapshot)) {
    const { method } = exported;
    const requestModels = Object.entries(method.requestModels ?? {});
    const parameters: unknown[] = methodParameters(exported).map((p) => ({ name: p.name, in: p.in, required: p.required, type: 'string' }));
    const [bodyModel] = requestModels;
    if (bodyModel) parameters.push({ in: 'body', name: bodyModel[1], required: true, schema: { $ref: `${REF}${bodyModel[1]}` } });
    const produces = new Set<string>();
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(method.methodResponses ?? {})) {
      const models = Object.entries(response.responseModels ?? {});
      for (const [type] of models) produces.add(type);
      const headers = Object.keys(response.responseParameters ?? {})
        .filter((p) => p.startsWith('method.response.header.'))
        .map((p) => [p.slice('method.response.header.'.length), { type: 'string' }]);
      responses[status] = {
        description: `${status} response`,
        ...(models[0] ? { schema: { $ref: `${REF}${models[0][1]}` } } : {}),
        ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
      };
    }
    const security = securityRequirement(method, snapshot);
    paths[exported.path] ??= {};
    paths[exported.path]![exported.key] = {
      ...(method.operationName ? { operationId: method.operationName } : {}),
      ...(requestModels.length ? { consumes: requestModels.map(([type]) => type) } : {}),
      ...(produces.size ? { produces: [...produces] } : {}),
      ...(parameters.length ? { parameters } : {}),
      responses,
      ...(security ? { security } : {}),
      ...methodExtensions(source, method),
    };
  }
  const definitions = Object.fromEntries(usedModels(snapshot, models).map((name) => [name, exportedSchema(models[name], REF)]));
  const schemes = securitySchemes(source);
  return {
    swagger: '2.0',
    info: {
      ...(api.api.description ? { description: api.api.description } : {}),
      version: exportVersion(source.deployedAt),
      title: api.api.name,
    },
    host: executeApiHost(source),
    basePath: `/${source.stageName}`,
    schemes: ['https'],
    paths,
    ...(Object.keys(schemes).length ? { securityDefinitions: schemes } : {}),
    ...(Object.keys(definitions).length ? { definitions } : {}),
    ...apiGatewayExtensions(source),
  };
}
