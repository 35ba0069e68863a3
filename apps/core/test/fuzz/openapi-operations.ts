/** The service's routes as its own OpenAPI document describes them: what the fuzz suite attacks. */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** As in the document: `/api/v1/stock/{sku}`. */
  path: string;
  /** `POST /api/v1/stock/{sku}`: how reports name it. */
  id: string;
  params: Parameter[];
  /** Media types the body may come as, with the schema of each; empty when the route takes no body. */
  body: { mediaType: string; schema: JsonSchema }[];
  /** No API key needed (health, webhooks). */
  public: boolean;
}

interface RawOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, public or not, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const params = (raw.parameters ?? [])
        .filter((p): p is Parameter & { in: Parameter['in'] } => ['path', 'query', 'header'].includes(p.in))
        .map((p) => ({ name: p.name, in: p.in, required: p.required ?? p.in === 'path', schema: p.schema ?? { type: 'string' } }));
      const body = Object.entries(raw.requestBody?.content ?? {}).map(([mediaType, content]) => ({
        mediaType,
        schema: content.schema ?? {},
      }));
      operations.push({
        method: method.toUpperCase(),
        path,
        id: `${method.toUpperCase()} ${path}`,
        params,
        body,
        // Nest's document marks a route that needs the bearer key with a security requirement.
        public: raw.security === undefined || raw.security.length === 0,
      });
    }
  }
  return operations;
}
