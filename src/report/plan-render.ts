import type { Plan } from '../planner/plan.js';
import { blocksToHtml, blocksToMarkdown } from './plan-blocks.js';
import { justificationBlocks, planBlocks } from './plan-document.js';
import { renderPlanTable } from './plan-table.js';
import type { QuotaIncreaseDraft } from '../planner/drafts.js';

/** Plan output formats. */
export const PLAN_FORMATS = ['table', 'json', 'md', 'html'] as const;
/** One plan output format. */
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Plan renderers by format (pure: plan in, text out). */
export const PLAN_RENDERERS: Readonly<Record<PlanFormat, (plan: Plan) => string>> = {
  table: renderPlanTable,
  json: (plan) => `${JSON.stringify(plan, null, 2)}\n`,
  md: (plan) => blocksToMarkdown(planBlocks(plan)),
  html: (plan) => blocksToHtml(`Cognito capacity plan: ${plan.workload.name}`, planBlocks(plan)),
};

/** Files of one draft: payload JSON, justification Markdown and HTML, keyed by file name. */
export function draftFiles(plan: Plan, d: QuotaIncreaseDraft): Record<string, string> {
  const base = `${d.service}-${d.name}`;
  const blocks = justificationBlocks(plan, d);
  return {
    [`${base}.request.json`]: `${JSON.stringify(d.payload, null, 2)}\n`,
    [`${base}.justification.md`]: blocksToMarkdown(blocks),
    [`${base}.justification.html`]: blocksToHtml(`Quota increase: ${d.quotaName}`, blocks),
  };
}
