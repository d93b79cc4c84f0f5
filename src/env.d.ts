interface ImportMetaEnv {
  /** Absolute path of src/client/, set in astro.config.mjs. */
  readonly ONUS_CLIENT_DIR: string;
}
