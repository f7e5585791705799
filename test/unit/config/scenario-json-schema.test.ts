import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../src/config/scenario-json-schema.js';

const committed = fileURLToPath(new URL('../../../schemas/scenario.schema.json', import.meta.url));

describe('schemas/scenario.schema.json', () => {
  it('is in sync with the zod definitions (regenerate with COGCAP_UPDATE_SCHEMA=1 npx vitest run test/unit/config)', () => {
    const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (process.env.COGCAP_UPDATE_SCHEMA) writeFileSync(committed, generated);
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });
  it('forbids unknown top-level keys and allows $schema', () => {
    const schema = scenarioJsonSchema() as { additionalProperties: unknown; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.$schema).toBeDefined();
  });
});
