import { InvalidIfMatchVersion, PreconditionFailed } from '../errors.js';
import type { DistributionRecord } from '../state.js';

/** Update and Delete need the ETag of the version they change, as on AWS. */
export function checkIfMatch(record: DistributionRecord, ifMatch: string | undefined): void {
  if (!ifMatch) throw new InvalidIfMatchVersion('The If-Match version is missing or not valid for the resource.');
  if (ifMatch !== record.ETag) {
    throw new PreconditionFailed("The request failed because it didn't meet the preconditions in one or more request-header fields.");
  }
}
