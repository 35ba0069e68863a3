import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  DuplicateError,
  IdempotencyConflictError,
  InsufficientStockError,
  InvalidStateError,
  LedgerError,
  LedgerValidationError,
  NotFoundError,
} from '@urikiri/inventory';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiKeyNotFoundError } from '../auth/api-key.service';
import { CsvFileRejectedError } from './csv-file-rejected.error';
import { RequestValidationError } from './request-validation.error';

export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase. */
  error: string;
  /** Stable, machine-readable: `validation_failed`, `not_found`, `insufficient_stock`, … */
  code: string;
  /** For people: what was wrong and what is accepted. */
  message: string;
  issues?: { path: string; message: string }[];
  [detail: string]: unknown;
}

function body(statusCode: number, code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, ...details };
}

function ledgerErrorBody(error: LedgerError): ErrorBody {
  if (error instanceof LedgerValidationError) {
    return body(HttpStatus.BAD_REQUEST, error.code, error.message, { issues: error.issues });
  }
  if (error instanceof NotFoundError) {
    return body(HttpStatus.NOT_FOUND, error.code, error.message, { entity: error.entity, key: error.key });
  }
  if (error instanceof InsufficientStockError) {
    return body(HttpStatus.CONFLICT, error.code, error.message, {
      sku: error.sku,
      requested: error.requested,
      available: error.available,
    });
  }
  if (error instanceof DuplicateError) {
    return body(HttpStatus.CONFLICT, error.code, error.message, { entity: error.entity, key: error.key });
  }
  if (error instanceof IdempotencyConflictError) {
    return body(HttpStatus.CONFLICT, error.code, error.message, { idempotencyKey: error.idempotencyKey });
  }
  if (error instanceof InvalidStateError) return body(HttpStatus.CONFLICT, error.code, error.message);
  return body(HttpStatus.UNPROCESSABLE_ENTITY, error.code, error.message);
}

function httpExceptionBody(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : [(response as { message?: unknown }).message].flat().filter(Boolean).join('; ') || exception.message;
  return body(status, codeFor(status), message);
}

/** `payload_too_large` from 413: the reason phrase as a code. */
function codeFor(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
}

/**
 * What Express's body parsers throw (http-errors) for a client's mistake, such as a body over the
 * size limit: answered with its own 4xx status rather than taken for a bug of ours.
 */
function bodyParserErrorBody(exception: unknown): ErrorBody | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { status, expose, type, length, limit } = exception as Error & Record<string, unknown>;
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  if (type === 'entity.parse.failed') return body(status, 'malformed_json', `The request body is not valid JSON: ${exception.message}`);
  const message =
    type === 'entity.too.large' ? `The request body is ${length} bytes; at most ${limit} bytes are accepted.` : exception.message;
  return body(status, codeFor(status), message);
}

/**
 * The one place errors become HTTP answers: the ledger's typed errors, edge validation, Nest's own
 * HTTP exceptions. Anything else is a bug: logged in full, answered as a bare 500.
 */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(LedgerExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const ownBody = exception instanceof HttpException ? exception.getResponse() : undefined;
    // An HTTP exception that carries a whole answer of its own (the health check's per-dependency
    // report) is passed on as it is; only message-style exceptions take the common error shape.
    if (typeof ownBody === 'object' && ownBody !== null && !('message' in ownBody)) {
      response.status((exception as HttpException).getStatus()).json(ownBody);
      return;
    }
    const answer = this.toBody(exception);
    response.status(answer.statusCode).json(answer);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof RequestValidationError) {
      return body(HttpStatus.BAD_REQUEST, 'validation_failed', exception.message, { issues: exception.issues });
    }
    if (exception instanceof CsvFileRejectedError) {
      return body(HttpStatus.BAD_REQUEST, 'csv_invalid', exception.message, { ...exception.report });
    }
    if (exception instanceof LedgerError) return ledgerErrorBody(exception);
    if (exception instanceof ApiKeyNotFoundError) return body(HttpStatus.NOT_FOUND, 'not_found', exception.message);
    if (exception instanceof HttpException) return httpExceptionBody(exception);
    const clientError = bodyParserErrorBody(exception);
    if (clientError) return clientError;
    this.logger.error(exception);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'Something went wrong on our side; the error is logged.');
  }
}
