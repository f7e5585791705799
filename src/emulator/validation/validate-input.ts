import { CognitoServiceError } from '../../cognito/service-error.js';

/** Wire type of an input member. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'map' | 'list' | 'structure';

/** Constraints of one input member, as in the service model. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly required?: boolean;
  /** String length or list size bounds. */
  readonly min?: number;
  readonly max?: number;
  /** Regular expression the whole value must match, with its text as the model prints it. */
  readonly pattern?: readonly [RegExp, string];
  readonly enum?: readonly string[];
  /** For lists: type of the items (structures are checked as objects). */
  readonly items?: FieldType;
}

/** Input shape: member name → spec. */
export type InputSpec = Readonly<Record<string, FieldSpec>>;

/** Common member specs from the Cognito service model. */
export const F = {
  userPoolId: { type: 'string', required: true, min: 1, max: 55, pattern: [/^[\w-]+_[0-9a-zA-Z]+$/, '[\\w-]+_[0-9a-zA-Z]+'] },
  clientId: { type: 'string', required: true, min: 1, max: 128, pattern: [/^[\w+]+$/, '[\\w+]+'] },
  username: { type: 'string', required: true, min: 1, max: 128, pattern: [/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'] },
  password: { type: 'string', required: true, min: 0, max: 256, pattern: [/^[\S]+$/, '[\\S]+'] },
  code: { type: 'string', required: true, min: 1, max: 2048, pattern: [/^[\S]+$/, '[\\S]+'] },
  token: { type: 'string', required: true, pattern: [/^[A-Za-z0-9-_=.]+$/, '[A-Za-z0-9-_=.]+'] },
  secretHash: { type: 'string', min: 1, max: 128, pattern: [/^[\w+=/]+$/, '[\\w+=/]+'] },
  attributes: { type: 'list', items: 'structure' },
  map: { type: 'map' },
  groupName: { type: 'string', required: true, min: 1, max: 128, pattern: [/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'] },
} as const satisfies Record<string, FieldSpec>;

function wireTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'STRING_VALUE';
  if (typeof v === 'number') return 'NUMBER_VALUE';
  if (typeof v === 'boolean') return v ? 'TRUE_VALUE' : 'FALSE_VALUE';
  if (Array.isArray(v)) return 'START_ARRAY';
  return 'START_OBJECT';
}

function typeMatches(t: FieldType, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'map':
    case 'structure':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
  }
}

const JAVA_TYPE: Record<FieldType, string> = {
  string: 'String',
  integer: 'Integer',
  boolean: 'Boolean',
  list: 'List',
  map: 'Map',
  structure: 'Structure',
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function show(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  return JSON.stringify(v);
}

/**
 * Checks a request body against a spec the way Cognito does: first deserialisation (a member of the wrong JSON type
 * → SerializationException), then model constraints, all at once (→ InvalidParameterException
 * `N validation error(s) detected: Value ... at 'member' failed to satisfy constraint: ...`).
 * Members not in the spec are ignored, as AWS ignores unknown members.
 */
export function validateInput(body: Record<string, unknown>, spec: InputSpec): void {
  for (const [name, f] of Object.entries(spec)) {
    const v = body[name];
    if (v === undefined || v === null) continue;
    if (!typeMatches(f.type, v)) {
      throw new CognitoServiceError(
        'SerializationException',
        f.type === 'structure' || f.type === 'map' || f.type === 'list'
          ? `${wireTypeOf(v)} can not be converted to ${JAVA_TYPE[f.type]}`
          : `${wireTypeOf(v)} can not be converted to an ${JAVA_TYPE[f.type]}`,
      );
    }
    if (f.type === 'list' && f.items) {
      for (const item of v as unknown[]) {
        if (!typeMatches(f.items, item)) {
          throw new CognitoServiceError('SerializationException', `${wireTypeOf(item)} can not be converted to ${JAVA_TYPE[f.items]}`);
        }
      }
    }
    if (f.type === 'map') {
      for (const item of Object.values(v as object)) {
        if (typeof item !== 'string' && item !== null) {
          throw new CognitoServiceError('SerializationException', `${wireTypeOf(item)} can not be converted to an String`);
        }
      }
    }
  }
  const problems: string[] = [];
  for (const [name, f] of Object.entries(spec)) {
    const v = body[name];
    const at = `at '${lowerFirst(name)}'`;
    if (v === undefined || v === null) {
      if (f.required) problems.push(`Value null ${at} failed to satisfy constraint: Member must not be null`);
      continue;
    }
    const size = typeof v === 'string' ? [...v].length : Array.isArray(v) ? v.length : undefined;
    if (size !== undefined && f.min !== undefined && size < f.min) {
      problems.push(`Value ${show(v)} ${at} failed to satisfy constraint: Member must have length greater than or equal to ${f.min}`);
    }
    if (size !== undefined && f.max !== undefined && size > f.max) {
      problems.push(`Value ${show(v)} ${at} failed to satisfy constraint: Member must have length less than or equal to ${f.max}`);
    }
    if (typeof v === 'string' && f.pattern && !f.pattern[0].test(v) && (f.min === undefined || size! >= f.min)) {
      problems.push(`Value ${show(v)} ${at} failed to satisfy constraint: Member must satisfy regular expression pattern: ${f.pattern[1]}`);
    }
    if (typeof v === 'string' && f.enum && !f.enum.includes(v)) {
      problems.push(`Value ${show(v)} ${at} failed to satisfy constraint: Member must satisfy enum value set: [${f.enum.join(', ')}]`);
    }
  }
  if (problems.length > 0) {
    throw new CognitoServiceError(
      'InvalidParameterException',
      `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
    );
  }
}
