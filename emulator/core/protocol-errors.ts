import { randomBytes } from 'node:crypto';
import { escapeXml } from '../protocols/xml.js';
import type { AwsError } from './errors.js';
import type { EdgeResponse } from './http.js';

/**
 * Errors the edge answers before a service sees the request (signature checks, IAM enforcement),
 * written in the wire format of the service the request was for, as that service writes its own.
 */
export type WireProtocol = 's3' | 'query' | 'json' | 'rest-json' | 'rest-xml';

interface ServiceWire {
  protocol: WireProtocol;
  contentType?: string;
  xmlns?: string;
  queryCompatible?: boolean;
}

const WIRES: Record<string, ServiceWire> = {
  s3: { protocol: 's3' },
  's3-website': { protocol: 's3' },
  iam: { protocol: 'query', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/' },
  sts: { protocol: 'query', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  dynamodb: { protocol: 'json', contentType: 'application/x-amz-json-1.0' },
  monitoring: { protocol: 'json', contentType: 'application/x-amz-json-1.0', queryCompatible: true },
  'cognito-idp': { protocol: 'json', contentType: 'application/x-amz-json-1.1' },
  logs: { protocol: 'json', contentType: 'application/x-amz-json-1.1' },
  lambda: { protocol: 'rest-json' },
  apigateway: { protocol: 'rest-json' },
  'execute-api': { protocol: 'rest-json' },
  cloudfront: { protocol: 'rest-xml', xmlns: 'http://cloudfront.amazonaws.com/doc/2020-05-31/' },
};

export function protocolOf(service: string): WireProtocol {
  return (WIRES[service] ?? WIRES.s3!).protocol;
}

const fault = (err: AwsError) => (err.fault === 'client' ? 'Sender' : 'Receiver');

/** `err` as the service named would answer it. */
export function protocolErrorResponse(service: string, err: AwsError, requestId: string, method = 'POST'): EdgeResponse {
  const wire = WIRES[service] ?? WIRES.s3!;
  switch (wire.protocol) {
    case 's3': {
      const hostId = randomBytes(48).toString('base64');
      const headers = { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId };
      if (method === 'HEAD') return { status: err.status, headers };
      const extra = Object.entries(err.extra)
        .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
        .join('');
      return {
        status: err.status,
        headers,
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>` +
          `${extra}<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`,
      };
    }
    case 'query':
    case 'rest-xml':
      return {
        status: err.status,
        headers: { 'content-type': 'text/xml' },
        body:
          `<ErrorResponse xmlns="${wire.xmlns}"><Error><Type>${fault(err)}</Type><Code>${escapeXml(err.code)}</Code>` +
          `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 'json': {
      const headers: Record<string, string> = { 'content-type': wire.contentType!, 'x-amzn-errortype': err.code };
      if (wire.queryCompatible) headers['x-amzn-query-error'] = `${err.code};${fault(err)}`;
      return { status: err.status, headers, body: JSON.stringify({ __type: err.code, message: err.message }) };
    }
    case 'rest-json':
      return {
        status: err.status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': err.code },
        body: JSON.stringify(service === 'lambda' ? { Type: 'User', message: err.message } : { message: err.message }),
      };
  }
}
