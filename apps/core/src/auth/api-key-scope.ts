/**
 * `read` sees stock and catalogue, `write` changes them, `admin` manages keys and runs checks.
 * Each scope includes the ones before it, so an admin key can do everything.
 */
export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function grants(held: readonly ApiKeyScope[], required: ApiKeyScope): boolean {
  const needed = API_KEY_SCOPES.indexOf(required);
  return held.some((scope) => API_KEY_SCOPES.indexOf(scope) >= needed);
}
