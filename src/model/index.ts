export { printModel } from './print.ts';
export { RULES, type RuleId } from './diagnostics.ts';
export { slugify, deriveId } from './ids.ts';
export * from './schema.ts';
export { modelJsonSchema } from './json-schema.ts';
