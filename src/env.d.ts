interface ImportMetaEnv {
  /** Absolute path of the client scripts' folder, set in src/site/astro-config.ts. */
  readonly ONUS_CLIENT_DIR: string;
  /** The folder under the site's base the pages go in: `srm/` through the integration, else ''. */
  readonly ONUS_PREFIX: string;
}
