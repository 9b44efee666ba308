import type { GetExportCommandInput } from '@aws-sdk/client-api-gateway';
import { importCommonJs } from '../../../core/lazy-import.js';
import type { RawResponse } from '../../../protocols/rest-json.js';
import { BadRequestException, notFound } from '../errors.js';
import type { ExportSource } from '../export/common.js';
import { jacksonJson } from '../export/jackson-json.js';
import { openApi30 } from '../export/oas30.js';
import { swagger2 } from '../export/swagger.js';
import type { ApiGatewayContext } from './context.js';

const BUILDERS: Record<string, (source: ExportSource) => Record<string, unknown>> = { oas30: openApi30, swagger: swagger2 };

/**
 * The deployed stage as an OpenAPI 3.0 (`oas30`) or Swagger 2.0 (`swagger`) document, in JSON or
 * YAML by the Accept header, with the extensions asked for (`?extensions=integrations,authorizers`).
 * The document is the raw body of the answer.
 */
export async function GetExport(input: GetExportCommandInput, ctx: ApiGatewayContext): Promise<RawResponse> {
  const api = ctx.state.api(input.restApiId!);
  const stage = api.stages[input.stageName!];
  if (!stage) throw notFound.stage();
  const build = BUILDERS[input.exportType ?? ''];
  if (!build) throw new BadRequestException(`Invalid export type specified: ${input.exportType}`);
  const deployment = stage.deploymentId ? ctx.state.deployments(api.api.id).get(stage.deploymentId) : undefined;
  if (!deployment) throw notFound.deployment();
  const extensions = new Set(
    Object.values(input.parameters ?? {})
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  );
  const document = build({
    api,
    snapshot: deployment.snapshot,
    deployedAt: deployment.deployment.createdDate ?? 0,
    stageName: stage.stageName,
    region: ctx.state.region,
    extensions,
  });
  const yaml = /(application|text)\/(x-)?yaml/i.test(input.accepts ?? '');
  // The YAML writer is loaded on the first YAML export only.
  const body = yaml
    ? (await importCommonJs(() => import('yaml'))).stringify(document, {
        defaultStringType: 'QUOTE_DOUBLE',
        defaultKeyType: 'PLAIN',
        lineWidth: 0,
        indentSeq: false,
      })
    : jacksonJson(document);
  const contentType = yaml ? 'application/yaml' : 'application/json';
  const fileName = `${api.api.name}-${stage.stageName}-${input.exportType}.${yaml ? 'yaml' : 'json'}`;
  return {
    $response: {
      status: 200,
      headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"` },
      body,
    },
  };
}
