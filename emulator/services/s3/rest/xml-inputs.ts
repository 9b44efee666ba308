import type {
  CORSConfiguration,
  CompletedMultipartUpload,
  CreateBucketConfiguration,
  Delete,
  PublicAccessBlockConfiguration,
  RoutingRule,
  Tagging,
  WebsiteConfiguration,
} from '@aws-sdk/client-s3';
import { malformedXml } from '../errors.js';
import { parseXmlBody, xmlBoolean, xmlObject, xmlString } from './xml.js';

/** Request payloads that S3 takes as XML, turned into the SDK's input shapes. */

export function parseCreateBucketConfiguration(text: string): CreateBucketConfiguration {
  const body = parseXmlBody(text, 'CreateBucketConfiguration');
  return { LocationConstraint: xmlString(body.LocationConstraint) as CreateBucketConfiguration['LocationConstraint'] };
}

function items(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value)) throw malformedXml();
  return value.map((v) => xmlObject(v) ?? {});
}

export function parseDelete(text: string): Delete {
  const body = parseXmlBody(text, 'Delete');
  return {
    Objects: items(body.Object).map((o) => ({ Key: xmlString(o.Key) ?? '', VersionId: xmlString(o.VersionId) })),
    Quiet: xmlBoolean(body.Quiet),
  };
}

export function parseTagging(text: string): Tagging {
  const body = parseXmlBody(text, 'Tagging');
  const tagSet = xmlObject(body.TagSet);
  if (!tagSet) throw malformedXml();
  return { TagSet: items(tagSet.Tag).map((t) => ({ Key: xmlString(t.Key) ?? '', Value: xmlString(t.Value) ?? '' })) };
}

function routingRule(rule: Record<string, unknown>): RoutingRule {
  const condition = xmlObject(rule.Condition);
  const redirect = xmlObject(rule.Redirect);
  if (!redirect) throw malformedXml();
  return {
    Condition: condition && {
      HttpErrorCodeReturnedEquals: xmlString(condition.HttpErrorCodeReturnedEquals),
      KeyPrefixEquals: xmlString(condition.KeyPrefixEquals),
    },
    Redirect: {
      HostName: xmlString(redirect.HostName),
      HttpRedirectCode: xmlString(redirect.HttpRedirectCode),
      Protocol: xmlString(redirect.Protocol) as 'http' | 'https' | undefined,
      ReplaceKeyPrefixWith: xmlString(redirect.ReplaceKeyPrefixWith),
      ReplaceKeyWith: xmlString(redirect.ReplaceKeyWith),
    },
  };
}

export function parseWebsiteConfiguration(text: string): WebsiteConfiguration {
  const body = parseXmlBody(text, 'WebsiteConfiguration');
  const index = xmlObject(body.IndexDocument);
  const error = xmlObject(body.ErrorDocument);
  const redirectAll = xmlObject(body.RedirectAllRequestsTo);
  const rules = xmlObject(body.RoutingRules);
  return {
    IndexDocument: index && { Suffix: xmlString(index.Suffix) },
    ErrorDocument: error && { Key: xmlString(error.Key) },
    RedirectAllRequestsTo: redirectAll && {
      HostName: xmlString(redirectAll.HostName),
      Protocol: xmlString(redirectAll.Protocol) as 'http' | 'https' | undefined,
    },
    RoutingRules: rules && items(rules.RoutingRule).map(routingRule),
  };
}

export function parsePublicAccessBlockConfiguration(text: string): PublicAccessBlockConfiguration {
  const body = parseXmlBody(text, 'PublicAccessBlockConfiguration');
  return {
    BlockPublicAcls: xmlBoolean(body.BlockPublicAcls),
    IgnorePublicAcls: xmlBoolean(body.IgnorePublicAcls),
    BlockPublicPolicy: xmlBoolean(body.BlockPublicPolicy),
    RestrictPublicBuckets: xmlBoolean(body.RestrictPublicBuckets),
  };
}

function strings(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw malformedXml();
  return value.map((v) => xmlString(v) ?? '');
}

export function parseCorsConfiguration(text: string): CORSConfiguration {
  const body = parseXmlBody(text, 'CORSConfiguration');
  return {
    CORSRules: items(body.CORSRule).map((rule) => {
      const maxAge = xmlString(rule.MaxAgeSeconds);
      if (maxAge !== undefined && !/^\d+$/.test(maxAge)) throw malformedXml();
      return {
        ID: xmlString(rule.ID),
        AllowedHeaders: strings(rule.AllowedHeader),
        AllowedMethods: strings(rule.AllowedMethod),
        AllowedOrigins: strings(rule.AllowedOrigin),
        ExposeHeaders: strings(rule.ExposeHeader),
        MaxAgeSeconds: maxAge === undefined ? undefined : Number(maxAge),
      };
    }),
  };
}

export function parseCompletedMultipartUpload(text: string): CompletedMultipartUpload {
  const body = parseXmlBody(text, 'CompleteMultipartUpload');
  return {
    Parts: items(body.Part).map((part) => {
      const number = xmlString(part.PartNumber);
      if (number === undefined || !/^\d+$/.test(number)) throw malformedXml();
      return { PartNumber: Number(number), ETag: xmlString(part.ETag) };
    }),
  };
}
