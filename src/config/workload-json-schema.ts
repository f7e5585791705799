import { z } from 'zod';
import { WorkloadFileSchema } from './workload-schema.js';

/** The committed path of the workload JSON Schema (kept in sync by test/unit/config/workload-json-schema.test.ts). */
export const WORKLOAD_JSON_SCHEMA_PATH = 'schemas/workload.schema.json';

/** JSON Schema (draft 2020-12) of workload files, generated from the zod schema (input form: defaults optional). */
export function workloadJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(WorkloadFileSchema, { io: 'input' }),
    $id: 'https://github.com/cognito-capacity/cognito-capacity/schemas/workload.schema.json',
    title: 'cognito-capacity workload',
  };
}

/** The schema as committed: pretty JSON with a trailing newline. */
export function workloadJsonSchemaText(): string {
  return `${JSON.stringify(workloadJsonSchema(), null, 2)}\n`;
}
