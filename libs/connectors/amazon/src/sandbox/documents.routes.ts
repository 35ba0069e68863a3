import {
  emptyResponse,
  type SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import {
  amazonRoute,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';
import { amazonError } from './amazon-sandbox.errors';

/** Where a document is uploaded or downloaded: the sandbox's stand-in for Amazon's presigned S3 URLs. */
export function documentUrl(
  ctx: AmazonSandboxContext,
  documentId: string,
): string {
  return `${ctx.url()}/documents-store/${encodeURIComponent(documentId)}`;
}

/** Presigned URLs need no access token: the URL itself is the permission, as on S3. */
export function documentRoutes(ctx: AmazonSandboxContext): SandboxRoute[] {
  return [
    amazonRoute(ctx, {
      method: 'PUT',
      path: '/documents-store/:documentId',
      operation: 'uploadDocument',
      open: true,
      handler: (req) => {
        const slot = ctx.documents.get(req.params.documentId);
        if (!slot) {
          return amazonError(
            403,
            'AccessDenied',
            'Request has expired or the URL was not issued by createFeedDocument.',
          );
        }
        ctx.documents.set(req.params.documentId, {
          content: req.rawBody.toString('utf8'),
          contentType: String(req.headers['content-type'] ?? slot.contentType),
        });
        return emptyResponse(200);
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/documents-store/:documentId',
      operation: 'downloadDocument',
      open: true,
      handler: (req) => {
        const document = ctx.documents.get(req.params.documentId);
        if (!document) {
          return amazonError(
            404,
            'NoSuchKey',
            'The specified key does not exist.',
          );
        }
        return {
          status: 200,
          headers: { 'content-type': document.contentType },
          body: document.content,
        };
      },
    }),
  ];
}
