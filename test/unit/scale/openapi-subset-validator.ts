/**
 * A small validator for the OpenAPI v2 subset in test/fixtures/k8s/k8s-openapi-subset.json (test helper):
 * `$ref`, `type` (object, array, string, integer, boolean), `properties` (closed: unknown fields are errors, as
 * with `kubectl apply --validate=strict`), `required`, `additionalProperties`, `items`, `enum`, int32 range.
 */

export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  readonly format?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode;
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
}

export interface SchemaDocument {
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

/** Every problem as `path: message`; empty when valid. */
export function validateAgainst(doc: SchemaDocument, definition: string, value: unknown): string[] {
  const problems: string[] = [];
  visit({ $ref: `#/definitions/${definition}` }, value, '$');
  return problems;

  function visit(node: SchemaNode, v: unknown, path: string): void {
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '');
      const target = doc.definitions[name];
      if (!target) throw new Error(`unknown definition ${name}`);
      visit(target, v, path);
      return;
    }
    switch (node.type) {
      case 'string':
        if (typeof v !== 'string') problems.push(`${path}: expected string, got ${typeOf(v)}`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') problems.push(`${path}: expected boolean, got ${typeOf(v)}`);
        break;
      case 'integer':
        if (!Number.isInteger(v)) problems.push(`${path}: expected integer, got ${typeOf(v)}`);
        else if (node.format === 'int32' && ((v as number) < -(2 ** 31) || (v as number) >= 2 ** 31)) problems.push(`${path}: out of int32 range`);
        break;
      case 'array':
        if (!Array.isArray(v)) problems.push(`${path}: expected array, got ${typeOf(v)}`);
        else if (node.items) v.forEach((item, i) => visit(node.items!, item, `${path}[${i}]`));
        break;
      case 'object': {
        if (typeOf(v) !== 'object') {
          problems.push(`${path}: expected object, got ${typeOf(v)}`);
          break;
        }
        const o = v as Record<string, unknown>;
        for (const r of node.required ?? []) if (o[r] === undefined) problems.push(`${path}.${r}: required`);
        for (const [k, child] of Object.entries(o)) {
          if (node.properties) {
            const p = node.properties[k];
            if (p) visit(p, child, `${path}.${k}`);
            else problems.push(`${path}.${k}: unknown field`);
          } else if (node.additionalProperties) {
            visit(node.additionalProperties, child, `${path}.${k}`);
          }
        }
        break;
      }
      default:
        break;
    }
    if (node.enum && !node.enum.includes(v)) problems.push(`${path}: expected one of ${node.enum.join(', ')}, got ${String(v)}`);
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
