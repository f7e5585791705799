import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';

/** Identifier of the committed scenario JSON Schema (schemas/scenario.schema.json). */
export const SCENARIO_SCHEMA_ID = 'https://github.com/cognito-capacity/cognito-capacity/schemas/scenario.schema.json';

/** The JSON Schema (draft 2020-12) of scenario files, generated from the zod definitions (input shape). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return { ...schema, $id: SCENARIO_SCHEMA_ID };
}
