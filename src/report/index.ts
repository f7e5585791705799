/**
 * Reports: pure renderers (Markdown, HTML, JUnit, terminal), baseline comparison, format registry; `write.ts`
 * writes files, `read-result.ts` reads them.
 */
export * from './compare.js';
export * from './compare-render.js';
export * from './formats.js';
export * from './html.js';
export * from './junit.js';
export * from './markdown.js';
export * from './read-result.js';
export * from './redact.js';
export * from './report-model.js';
export * from './terminal.js';
export * from './write.js';
