import { CreateAuthorizer } from './CreateAuthorizer.js';
import { CreateDeployment } from './CreateDeployment.js';
import { CreateModel } from './CreateModel.js';
import { CreateRequestValidator } from './CreateRequestValidator.js';
import { CreateResource } from './CreateResource.js';
import { CreateRestApi } from './CreateRestApi.js';
import { CreateStage } from './CreateStage.js';
import type { ApiOp } from './context.js';
import { DeleteAuthorizer } from './DeleteAuthorizer.js';
import { DeleteDeployment } from './DeleteDeployment.js';
import { DeleteGatewayResponse } from './DeleteGatewayResponse.js';
import { DeleteIntegration } from './DeleteIntegration.js';
import { DeleteIntegrationResponse } from './DeleteIntegrationResponse.js';
import { DeleteMethod } from './DeleteMethod.js';
import { DeleteMethodResponse } from './DeleteMethodResponse.js';
import { DeleteModel } from './DeleteModel.js';
import { DeleteRequestValidator } from './DeleteRequestValidator.js';
import { DeleteResource } from './DeleteResource.js';
import { DeleteRestApi } from './DeleteRestApi.js';
import { DeleteStage } from './DeleteStage.js';
import { GetAccount } from './GetAccount.js';
import { GetAuthorizer } from './GetAuthorizer.js';
import { GetAuthorizers } from './GetAuthorizers.js';
import { GetDeployment } from './GetDeployment.js';
import { GetDeployments } from './GetDeployments.js';
import { GetExport } from './GetExport.js';
import { GetGatewayResponse } from './GetGatewayResponse.js';
import { GetGatewayResponses } from './GetGatewayResponses.js';
import { GetIntegration } from './GetIntegration.js';
import { GetIntegrationResponse } from './GetIntegrationResponse.js';
import { GetMethod } from './GetMethod.js';
import { GetMethodResponse } from './GetMethodResponse.js';
import { GetModel } from './GetModel.js';
import { GetModels } from './GetModels.js';
import { GetRequestValidator } from './GetRequestValidator.js';
import { GetRequestValidators } from './GetRequestValidators.js';
import { GetResource } from './GetResource.js';
import { GetResources } from './GetResources.js';
import { GetRestApi } from './GetRestApi.js';
import { GetRestApis } from './GetRestApis.js';
import { GetStage } from './GetStage.js';
import { GetStages } from './GetStages.js';
import { GetTags } from './GetTags.js';
import { PutGatewayResponse } from './PutGatewayResponse.js';
import { PutIntegration } from './PutIntegration.js';
import { PutIntegrationResponse } from './PutIntegrationResponse.js';
import { PutMethod } from './PutMethod.js';
import { PutMethodResponse } from './PutMethodResponse.js';
import { TagResource } from './TagResource.js';
import { TestInvokeMethod } from './TestInvokeMethod.js';
import { UntagResource } from './UntagResource.js';
import { UpdateAccount } from './UpdateAccount.js';
import { UpdateAuthorizer } from './UpdateAuthorizer.js';
import { UpdateDeployment } from './UpdateDeployment.js';
import { UpdateGatewayResponse } from './UpdateGatewayResponse.js';
import { UpdateIntegration } from './UpdateIntegration.js';
import { UpdateIntegrationResponse } from './UpdateIntegrationResponse.js';
import { UpdateMethod } from './UpdateMethod.js';
import { UpdateMethodResponse } from './UpdateMethodResponse.js';
import { UpdateModel } from './UpdateModel.js';
import { UpdateRequestValidator } from './UpdateRequestValidator.js';
import { UpdateResource } from './UpdateResource.js';
import { UpdateRestApi } from './UpdateRestApi.js';
import { UpdateStage } from './UpdateStage.js';

/** Every API Gateway operation the local cloud implements, keyed by its AWS name. */
export const operations = {
  CreateAuthorizer,
  CreateDeployment,
  CreateModel,
  CreateRequestValidator,
  CreateResource,
  CreateRestApi,
  CreateStage,
  DeleteAuthorizer,
  DeleteDeployment,
  DeleteGatewayResponse,
  DeleteIntegration,
  DeleteIntegrationResponse,
  DeleteMethod,
  DeleteMethodResponse,
  DeleteModel,
  DeleteRequestValidator,
  DeleteResource,
  DeleteRestApi,
  DeleteStage,
  GetAccount,
  GetAuthorizer,
  GetAuthorizers,
  GetDeployment,
  GetDeployments,
  GetExport,
  GetGatewayResponse,
  GetGatewayResponses,
  GetIntegration,
  GetIntegrationResponse,
  GetMethod,
  GetMethodResponse,
  GetModel,
  GetModels,
  GetRequestValidator,
  GetRequestValidators,
  GetResource,
  GetResources,
  GetRestApi,
  GetRestApis,
  GetStage,
  GetStages,
  GetTags,
  PutGatewayResponse,
  PutIntegration,
  PutIntegrationResponse,
  PutMethod,
  PutMethodResponse,
  TagResource,
  TestInvokeMethod,
  UntagResource,
  UpdateAccount,
  UpdateAuthorizer,
  UpdateDeployment,
  UpdateGatewayResponse,
  UpdateIntegration,
  UpdateIntegrationResponse,
  UpdateMethod,
  UpdateMethodResponse,
  UpdateModel,
  UpdateRequestValidator,
  UpdateResource,
  UpdateRestApi,
  UpdateStage,
} satisfies Record<string, ApiOp<any, any>>;

export type OperationName = keyof typeof operations;
