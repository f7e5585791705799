/** A resource server's scope. */
export interface ResourceServerScope {
  readonly ScopeName: string;
  readonly ScopeDescription: string;
}

/** A resource server as DescribeResourceServer returns it. */
export interface ResourceServer {
  readonly UserPoolId: string;
  readonly Identifier: string;
  readonly Name: string;
  readonly Scopes: readonly ResourceServerScope[];
}

/** Resource servers of every pool, keyed by pool then identifier (insertion order kept for listing). */
export class ResourceServerStore {
  private readonly byPool = new Map<string, Map<string, ResourceServer>>();

  get(userPoolId: string, identifier: string): ResourceServer | undefined {
    return this.byPool.get(userPoolId)?.get(identifier);
  }

  list(userPoolId: string): ResourceServer[] {
    return [...(this.byPool.get(userPoolId)?.values() ?? [])];
  }

  put(server: ResourceServer): void {
    let pool = this.byPool.get(server.UserPoolId);
    if (!pool) this.byPool.set(server.UserPoolId, (pool = new Map()));
    pool.set(server.Identifier, server);
  }

  delete(userPoolId: string, identifier: string): boolean {
    return this.byPool.get(userPoolId)?.delete(identifier) ?? false;
  }

  /** True when `<identifier>/<scopeName>` names a scope of one of the pool's resource servers. */
  hasCustomScope(userPoolId: string, fullScope: string): boolean {
    const slash = fullScope.lastIndexOf('/');
    if (slash <= 0) return false;
    const server = this.get(userPoolId, fullScope.slice(0, slash));
    const name = fullScope.slice(slash + 1);
    return server?.Scopes.some((s) => s.ScopeName === name) ?? false;
  }
}
