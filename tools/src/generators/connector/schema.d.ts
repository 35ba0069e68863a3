export interface ConnectorGeneratorSchema {
  /** Connector id and folder name, e.g. `qoo10`. */
  name: string;
  /** Name shown to operators; defaults to the name in PascalCase. */
  displayName?: string;
  /**
   * How the example channel takes a push: `compare-and-set` (a write that names the quantity it
   * expects, with idempotency keys) or `relative` (a change to add, with no idempotency key).
   */
  pushSemantics?: 'compare-and-set' | 'relative';
  skipFormat?: boolean;
}
