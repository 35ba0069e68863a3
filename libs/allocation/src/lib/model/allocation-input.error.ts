/** The service passed a unit the engine cannot read; `path` names the field, as for rule sets. */
export class AllocationInputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'AllocationInputError';
  }
}
