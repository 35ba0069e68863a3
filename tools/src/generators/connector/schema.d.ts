export interface ConnectorGeneratorSchema {
  /** Connector id and folder name, e.g. `qoo10`. */
  name: string;
  /** Name shown to operators; defaults to the name in PascalCase. */
  displayName?: string;
  skipFormat?: boolean;
}
