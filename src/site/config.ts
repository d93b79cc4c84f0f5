import type { LinkMode } from './links.ts';

/**
 * What `onus build` and `onus export` tell the Astro build through the environment, since
 * Astro loads the content config on its own. Plain `astro build` gets the defaults.
 */
export const ENV = {
  content: 'ONUS_CONTENT',
  /** Only this model of the content folder (`onus export --model`). */
  model: 'ONUS_MODEL',
  links: 'ONUS_LINKS',
  /** Set when the CLI has already printed the model's diagnostics, so the loader need not. */
  checked: 'ONUS_CHECKED',
} as const;

export function contentDirectory(): string {
  return process.env[ENV.content] || 'content';
}

export function onlyModel(): string | undefined {
  return process.env[ENV.model] || undefined;
}

export function linkMode(): LinkMode {
  return process.env[ENV.links] === 'files' ? 'files' : 'hosted';
}
