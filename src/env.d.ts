interface ImportMetaEnv {
  /** Absolute path of the client scripts' folder, set in src/site/astro-config.ts. */
  readonly ONUS_CLIENT_DIR: string;
}
