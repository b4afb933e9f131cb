import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import { DomainFailure, domainError, type DomainError, type Problem } from '../platform/errors.ts';

export function validationFailed(problems: Problem[]): DomainError {
  return domainError(
    'VALIDATION_FAILED',
    400,
    `The request has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    'Fix every problem listed and send it again; the API docs at /api/docs show each field.',
    problems,
  );
}

export function problemsOf(part: string, error: ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

const frameworkErrors: Record<string, (error: FastifyError) => DomainError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => domainError('BODY_NOT_JSON', 400, 'The body is not valid JSON.', 'Send a JSON object with Content-Type: application/json.', [{ path: 'body', message: e.message }]),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => domainError('BODY_EMPTY', 400, 'The body is empty but Content-Type says JSON.', 'Send a JSON object, or leave out the Content-Type header.', [{ path: 'body', message: 'is empty' }]),
  FST_ERR_CTP_BODY_TOO_LARGE: () => domainError('BODY_TOO_LARGE', 413, 'The body is larger than this server accepts.', 'Send less at once (split an import into several requests), or raise LINGXI_BODY_LIMIT_BYTES.', [{ path: 'body', message: 'too large' }]),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => domainError('UNSUPPORTED_MEDIA_TYPE', 415, 'This content type is not accepted here.', 'Send application/json.', [{ path: 'headers.content-type', message: e.message }]),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => domainError('BAD_CONTENT_LENGTH', 400, 'Content-Length does not match the body.', 'Let your HTTP client set Content-Length.', [{ path: 'headers.content-length', message: 'does not match the body' }]),
};

export function errorBody(error: DomainError, requestId: string) {
  return { error: { code: error.code, message: error.message, hint: error.hint, problems: error.problems ?? [], requestId } };
}

/** Every error leaves as the same ErrorBody; bad input is a 4xx, never a 500. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let domain: DomainError;
    if (error instanceof DomainFailure) domain = error.error;
    else if (error.code && frameworkErrors[error.code]) domain = frameworkErrors[error.code]!(error);
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      domain = domainError(error.code ?? 'BAD_REQUEST', error.statusCode, error.message, 'Check the request against the API docs at /api/docs.', []);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      domain = domainError('INTERNAL', 500, 'Something went wrong on our side.', 'Try again; if it keeps happening, report the request id.', []);
    }
    void reply.code(domain.status).type('application/json').send(errorBody(domain, String(request.id)));
  });
  app.setNotFoundHandler((request, reply) => {
    const domain = domainError('NOT_FOUND', 404, `No route ${request.method} ${request.url.split('?')[0]}.`, 'The API docs at /api/docs list every route.', []);
    void reply.code(404).send(errorBody(domain, String(request.id)));
  });
}
