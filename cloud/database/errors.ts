import { CloudError } from '../service'

/** Error codes and messages as the real CloudBase database answers them. */
export const DbErrors = {
  invalidParam: (message: string) => new CloudError('INVALID_PARAM', message),
  requestFailed: (message: string) => new CloudError('DATABASE_REQUEST_FAILED', message),
  collectionMissing: (name: string) =>
    new CloudError(
      'DATABASE_COLLECTION_NOT_EXIST',
      `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request.`,
    ),
  collectionExists: (name: string) =>
    new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`),
  duplicateKey: (collection: string, index: string, key: string) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
    ),
  conflict: (detail: string) =>
    new CloudError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[WriteConflict] Transaction conflict, please retry: ${detail}`,
    ),
  transactionMissing: (id: string) =>
    new CloudError(
      'DATABASE_TRANSACTION_FAIL',
      `[NoSuchTransaction] Transaction ${id} has been committed, aborted or has expired`,
    ),
}
