import type { AdminRoute } from '../core/edge.js';
import type { Service, ServiceContext } from '../core/service.js';
import { ApiGatewayService } from './apigateway/index.js';
import { CloudFrontService } from './cloudfront/index.js';
import { cognitoFactory } from './cognito/index.js';
import { DynamoDbService } from './dynamodb/index.js';
import { IamService } from './iam/index.js';
import { LambdaService, lambdaAdminRoutes } from './lambda/index.js';
import { LogsService } from './logs/index.js';
import { monitoringFactory } from './monitoring/index.js';
import { S3Service } from './s3/index.js';
import { StsService } from './sts/index.js';

export interface ServiceFactory {
  create(ctx: ServiceContext): Service;
  /** Extra routes under /_emulator/ this service offers to people and tests. */
  adminRoutes?(service: Service): Record<string, AdminRoute>;
}

/** Every service of the local cloud. */
export const SERVICES: ServiceFactory[] = [
  { create: (ctx) => new DynamoDbService(ctx) },
  { create: (ctx) => new S3Service(ctx) },
  { create: (ctx) => new IamService(ctx) },
  { create: (ctx) => new StsService(ctx) },
  { create: (ctx) => new LogsService(ctx) },
  { create: (ctx) => new LambdaService(ctx), adminRoutes: lambdaAdminRoutes },
  cognitoFactory,
  { create: (ctx) => new ApiGatewayService(ctx) },
  monitoringFactory,
  { create: (ctx) => new CloudFrontService(ctx) },
];
