/**
 * A JSON Schema checker for the subset the SP-API models use (Swagger 2.0 definitions and draft-07
 * notification schemas): type, required, properties, additionalProperties, items, enum, const,
 * $ref within the same document, oneOf/anyOf/allOf, boolean schemas and the size bounds.
 * Returns one line per violation, each with its JSON path.
 */
export type JsonSchema = boolean | { [keyword: string]: unknown };

type Json = unknown;

function typeOf(value: Json): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function matchesType(value: Json, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export class JsonSchemaValidator {
  constructor(private readonly document: { [key: string]: unknown }) {}

  validate(value: Json, schema: JsonSchema, path = '$'): string[] {
    if (schema === true) {
      return [];
    }
    if (schema === false) {
      return [`${path}: is not allowed here`];
    }
    if (typeof schema.$ref === 'string') {
      return this.validate(value, this.resolve(schema.$ref), path);
    }
    const errors: string[] = [];
    const type = schema.type as string | string[] | undefined;
    if (type !== undefined) {
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => matchesType(value, t))) {
        return [
          `${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`,
        ];
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
      errors.push(
        `${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`,
      );
    }
    if ('const' in schema && schema.const !== value) {
      errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) {
        errors.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
      }
      if (typeof schema.maximum === 'number' && value > schema.maximum) {
        errors.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
      }
    }
    if (
      typeof value === 'string' &&
      typeof schema.minLength === 'number' &&
      value.length < schema.minLength
    ) {
      errors.push(`${path}: shorter than ${schema.minLength} characters`);
    }
    if (Array.isArray(value)) {
      errors.push(...this.validateArray(value, schema, path));
    } else if (typeOf(value) === 'object') {
      errors.push(
        ...this.validateObject(value as Record<string, Json>, schema, path),
      );
    }
    errors.push(...this.validateCombinators(value, schema, path));
    return errors;
  }

  private validateArray(
    value: Json[],
    schema: { [keyword: string]: unknown },
    path: string,
  ): string[] {
    const errors: string[] = [];
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      errors.push(
        `${path}: has ${value.length} items, at least ${schema.minItems} required`,
      );
    }
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      errors.push(
        `${path}: has ${value.length} items, at most ${schema.maxItems} allowed`,
      );
    }
    if (schema.items !== undefined) {
      value.forEach((item, i) =>
        errors.push(
          ...this.validate(item, schema.items as JsonSchema, `${path}[${i}]`),
        ),
      );
    }
    return errors;
  }

  private validateObject(
    value: Record<string, Json>,
    schema: { [keyword: string]: unknown },
    path: string,
  ): string[] {
    const errors: string[] = [];
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in value)) {
        errors.push(`${path}.${name}: is required`);
      }
    }
    if (
      typeof schema.minProperties === 'number' &&
      Object.keys(value).length < schema.minProperties
    ) {
      errors.push(`${path}: needs at least ${schema.minProperties} properties`);
    }
    for (const [name, child] of Object.entries(value)) {
      if (name in properties) {
        errors.push(
          ...this.validate(child, properties[name], `${path}.${name}`),
        );
      } else if (schema.additionalProperties === false) {
        errors.push(`${path}.${name}: is not a property of this object`);
      } else if (typeof schema.additionalProperties === 'object') {
        errors.push(
          ...this.validate(
            child,
            schema.additionalProperties as JsonSchema,
            `${path}.${name}`,
          ),
        );
      }
    }
    return errors;
  }

  private validateCombinators(
    value: Json,
    schema: { [keyword: string]: unknown },
    path: string,
  ): string[] {
    const errors: string[] = [];
    for (const sub of (schema.allOf ?? []) as JsonSchema[]) {
      errors.push(...this.validate(value, sub, path));
    }
    if (
      Array.isArray(schema.anyOf) &&
      !(schema.anyOf as JsonSchema[]).some(
        (sub) => this.validate(value, sub, path).length === 0,
      )
    ) {
      errors.push(`${path}: matches none of anyOf`);
    }
    if (Array.isArray(schema.oneOf)) {
      const matching = (schema.oneOf as JsonSchema[]).filter(
        (sub) => this.validate(value, sub, path).length === 0,
      ).length;
      if (matching !== 1) {
        errors.push(
          `${path}: matches ${matching} of oneOf, exactly one required`,
        );
      }
    }
    return errors;
  }

  private resolve(ref: string): JsonSchema {
    if (!ref.startsWith('#/')) {
      throw new Error(
        `Only references within the same model are supported, got ${ref}`,
      );
    }
    let node: unknown = this.document;
    for (const part of ref.slice(2).split('/')) {
      node = (node as Record<string, unknown> | undefined)?.[
        part.replace(/~1/g, '/').replace(/~0/g, '~')
      ];
    }
    if (node === undefined) {
      throw new Error(`The model has no ${ref}`);
    }
    return node as JsonSchema;
  }
}
