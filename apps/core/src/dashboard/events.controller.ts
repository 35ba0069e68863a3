import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { RequireScope } from '../auth/require-scope.decorator';
import { ApiErrors } from '../openapi/api-doc.decorators';
import { ChangeFeed } from './change-feed.service';

// Proxies close connections that stay silent; a comment line every so often keeps the stream open.
const KEEP_ALIVE_MS = 15_000;

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('events')
@RequireScope('read')
export class EventsController {
  constructor(private readonly feed: ChangeFeed) {}

  @Sse()
  @ApiOperation({
    summary:
      'Server-Sent Events: stock movements (`movement`), values channels accepted (`publish`) and listing totals (`listings`) as they happen.',
    description:
      "Each event's data is JSON. The stream says what changed from the moment it opens; load the current state with the other routes.",
  })
  @ApiProduces('text/event-stream')
  @ApiErrors()
  stream(): Observable<MessageEvent> {
    return merge(
      this.feed.stream().pipe(map((event): MessageEvent => ({ type: event.type, data: event }))),
      interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ comment: 'keep-alive' }))),
    );
  }
}
