/**
 * Start-up refused: every problem found in the connector configuration, each with its fix, in one
 * message, so an operator fixes them all in one go instead of one restart per problem.
 */
export class ConnectorRegistryError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `The connector configuration cannot start (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConnectorRegistryError';
    this.problems = problems;
  }
}
