import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JsonSchemaValidator, type JsonSchema } from './json-schema.validator';

const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');

/** Where the official SP-API models are: AMAZON_MODELS_DIR, else ../shared/channel-models/amazon-sp-api beside the workspace. */
export function amazonModelsDir(): string {
  return process.env.AMAZON_MODELS_DIR
    ? resolve(process.env.AMAZON_MODELS_DIR)
    : resolve(WORKSPACE_ROOT, '../shared/channel-models/amazon-sp-api');
}

/** Reads one official model, or fails with where it looked and how to point the tests elsewhere. */
export function loadModel(file: string): Record<string, unknown> {
  const dir = amazonModelsDir();
  const path = resolve(dir, file);
  if (!existsSync(path)) {
    throw new Error(
      `The official Amazon SP-API model ${file} is missing: looked for it in ${dir}` +
        `${process.env.AMAZON_MODELS_DIR ? ' (from AMAZON_MODELS_DIR)' : ' (the default, ../shared/channel-models/amazon-sp-api next to the workspace)'}. ` +
        'Put the models from github.com/amzn/selling-partner-api-models there, or set AMAZON_MODELS_DIR to the folder that holds them.',
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

interface SwaggerParameter {
  name: string;
  in: string;
  required?: boolean;
  type?: string;
  enum?: unknown[];
  items?: { enum?: unknown[] };
  schema?: JsonSchema;
}

interface SwaggerOperation {
  operationId: string;
  parameters?: SwaggerParameter[];
  responses: Record<string, { schema?: JsonSchema }>;
}

/** A Swagger 2.0 model: finds the operation for a method and concrete path, and checks its bodies. */
export class SwaggerModel {
  private readonly validator: JsonSchemaValidator;
  private readonly operations: {
    method: string;
    pattern: RegExp;
    template: string;
    operation: SwaggerOperation;
  }[] = [];

  constructor(readonly file: string) {
    const document = loadModel(file);
    this.validator = new JsonSchemaValidator(document);
    for (const [template, methods] of Object.entries(
      document.paths as Record<string, Record<string, unknown>>,
    )) {
      const pattern = new RegExp(
        `^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`,
      );
      for (const [method, operation] of Object.entries(methods)) {
        if (
          typeof operation === 'object' &&
          operation !== null &&
          'responses' in operation
        ) {
          this.operations.push({
            method: method.toUpperCase(),
            pattern,
            template,
            operation: operation as SwaggerOperation,
          });
        }
      }
    }
  }

  operation(method: string, path: string): SwaggerOperation | null {
    return (
      this.operations.find((o) => o.method === method && o.pattern.test(path))
        ?.operation ?? null
    );
  }

  /** Every way a request breaks the model: missing or unknown-valued query parameters, a wrong body. */
  checkRequest(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
  ): string[] {
    const operation = this.require(method, path);
    const problems: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'query') {
        const value = query[parameter.name];
        if (value === undefined) {
          if (parameter.required) {
            problems.push(`query ${parameter.name}: is required`);
          }
          continue;
        }
        const allowed = parameter.enum ?? parameter.items?.enum;
        const values = parameter.type === 'array' ? value.split(',') : [value];
        for (const v of values) {
          if (allowed && !allowed.includes(v)) {
            problems.push(
              `query ${parameter.name}: "${v}" is not one of ${JSON.stringify(allowed)}`,
            );
          }
          if (parameter.type === 'integer' && !/^-?\d+$/.test(v)) {
            problems.push(`query ${parameter.name}: "${v}" is not an integer`);
          }
        }
      }
      if (parameter.in === 'body' && parameter.schema !== undefined) {
        problems.push(
          ...this.validator.validate(body, parameter.schema, 'body'),
        );
      }
    }
    return problems.map((p) => `${operation.operationId} request ${p}`);
  }

  /** The response body against the schema the model gives for that status (an undocumented status is a failure). */
  checkResponse(
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): string[] {
    const operation = this.require(method, path);
    const response = operation.responses[String(status)];
    if (!response) {
      return [
        `${operation.operationId} answered ${status}, a status its model does not document`,
      ];
    }
    return response.schema === undefined
      ? []
      : this.validator
          .validate(body, response.schema, 'response')
          .map((p) => `${operation.operationId} ${status} ${p}`);
  }

  private require(method: string, path: string): SwaggerOperation {
    const operation = this.operation(method, path);
    if (!operation) {
      throw new Error(`${this.file} has no operation for ${method} ${path}`);
    }
    return operation;
  }
}

/** A draft-07 JSON Schema file (notifications, the listings feed document). */
export function schemaCheck(file: string): (value: unknown) => string[] {
  const document = loadModel(file);
  const validator = new JsonSchemaValidator(document);
  return (value) =>
    validator
      .validate(value, document as JsonSchema)
      .map((p) => `${file}: ${p}`);
}
