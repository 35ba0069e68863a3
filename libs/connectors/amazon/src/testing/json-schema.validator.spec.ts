import { SwaggerModel, schemaCheck } from './amazon-models';
import { JsonSchemaValidator } from './json-schema.validator';

describe('JsonSchemaValidator', () => {
  const validator = new JsonSchemaValidator({
    definitions: {
      Item: {
        type: 'object',
        required: ['sku', 'quantity'],
        additionalProperties: false,
        properties: {
          sku: { type: 'string', minLength: 1 },
          quantity: { type: 'integer', minimum: 0 },
          channel: { enum: ['DEFAULT', 'AMAZON_JP'] },
        },
      },
    },
  });
  const list = {
    type: 'array',
    maxItems: 2,
    items: { $ref: '#/definitions/Item' },
  };

  it('accepts a body that follows the schema', () => {
    expect(
      validator.validate([{ sku: 'A', quantity: 0, channel: 'DEFAULT' }], list),
    ).toEqual([]);
  });

  it('names each violation with its path', () => {
    expect(
      validator.validate(
        [
          { sku: '', quantity: -1.5, channel: 'FBA', extra: 1 },
          { quantity: 1 },
          {},
        ],
        list,
      ),
    ).toEqual([
      '$: has 3 items, at most 2 allowed',
      '$[0].sku: shorter than 1 characters',
      '$[0].quantity: expected integer, got number',
      '$[0].channel: "FBA" is not one of ["DEFAULT","AMAZON_JP"]',
      '$[0].extra: is not a property of this object',
      '$[1].sku: is required',
      '$[2].sku: is required',
      '$[2].quantity: is required',
    ]);
  });

  it('applies oneOf and boolean schemas as the listings feed schema uses them', () => {
    const feed = schemaCheck('listings-feed-schema-v2.json');
    const message = {
      messageId: 1,
      sku: 'A',
      operationType: 'PATCH',
      productType: 'PRODUCT',
      patches: [{ op: 'replace', path: '/attributes/x', value: [{}] }],
    };
    expect(
      feed({ header: { sellerId: 'S', version: '2.0' }, messages: [message] }),
    ).toEqual([]);
    expect(
      feed({
        header: { sellerId: 'S', version: '2.0' },
        messages: [{ ...message, attributes: { x: 1 } }],
      }).join('\n'),
    ).toMatch(/oneOf/);
  });

  it('finds the operation of a concrete path in a Swagger model and checks its answer', () => {
    const feeds = new SwaggerModel('feeds_2021-06-30.json');
    expect(
      feeds.checkResponse('GET', '/feeds/2021-06-30/feeds/123', 200, {
        feedId: '123',
        feedType: 'X',
        createdTime: 'now',
      }),
    ).toEqual(['getFeed 200 response.processingStatus: is required']);
    expect(
      feeds.checkResponse('GET', '/feeds/2021-06-30/feeds/123', 418, {}),
    ).toEqual(['getFeed answered 418, a status its model does not document']);
  });
});
