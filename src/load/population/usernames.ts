/** Placeholders of a username pattern (the scenario's `population.usernamePattern`). */
export interface UsernameParts {
  readonly prefix: string;
  /** Run-unique part, e.g. a short run id. */
  readonly run: string;
  readonly index: number | string;
}

/** Fills `{prefix}`, `{run}` and `{index}` in `pattern` (default pattern `{prefix}{run}-{index}`). */
export function formatUsername(pattern: string, parts: UsernameParts): string {
  return pattern.replaceAll('{prefix}', parts.prefix).replaceAll('{run}', parts.run).replaceAll('{index}', String(parts.index));
}

/** The e-mail address of a generated user: the username (with `@` replaced) at `domain` (default example.com). */
export function emailFor(username: string, domain = 'example.com'): string {
  return `${username.replaceAll('@', '.')}@${domain}`;
}
