/** The one way in: a model file's text read into the model, with its diagnostics. */
export { parseModel, type ParseResult } from './parse.ts';
