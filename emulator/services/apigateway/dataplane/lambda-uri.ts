/** Replaces `${stageVariables.name}` in an integration URI; an unknown name becomes empty, as in AWS. */
export function substituteStageVariables(uri: string, variables: Record<string, string> | null): string {
  return uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => variables?.[name] ?? '');
}

/**
 * The function a Lambda integration URI names:
 * `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations`.
 */
export function functionArnFromUri(uri: string): string | undefined {
  return /:lambda:path\/2015-03-31\/functions\/(.+?)\/invocations\/?$/.exec(uri)?.[1];
}

/** Account and region of a function ARN (`arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`). */
export function functionLocation(functionArn: string): { region?: string; account?: string } {
  const m = /^arn:aws[\w-]*:lambda:([^:]*):(\d{12}):function:/.exec(functionArn);
  return m ? { region: m[1], account: m[2] } : {};
}

export const isLambdaUri = (uri: string) => functionArnFromUri(uri) !== undefined;
