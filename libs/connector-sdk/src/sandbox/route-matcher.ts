import type { SandboxRoute } from './sandbox-http';

interface CompiledRoute {
  route: SandboxRoute;
  pattern: RegExp;
  names: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds the route for a method and path, with its `:name` parameters decoded. */
export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly SandboxRoute[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (segment.startsWith(':')) {
            names.push(segment.slice(1));
            return '([^/]+)';
          }
          return escapeRegExp(segment);
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): { route: SandboxRoute; params: Record<string, string> } | null {
    for (const { route, pattern, names } of this.compiled) {
      if (route.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      const found = pattern.exec(path);
      if (found) {
        const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
        return { route, params };
      }
    }
    return null;
  }
}
