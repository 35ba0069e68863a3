import type { LiveEvent, SessionView } from './api';

/** What a page does while it is shown; every part is optional. */
export interface Page {
  /** A live event arrived; the page updates what it shows if the event concerns it. */
  onEvent?(event: LiveEvent): void;
  /** Load everything again (after the live stream reconnected: events may have been missed). */
  reload?(): void;
  dispose?(): void;
}

export interface PageContext {
  session: SessionView;
  /** The route's parts after the page's name: #/stock/TEA-1 → ['TEA-1']. */
  params: string[];
}

export type PageFactory = (root: HTMLElement, context: PageContext) => Page;
