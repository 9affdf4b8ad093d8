/** Edge re-export for CLI commands: the `--config <yaml|json>` loader lives in src/diagnose/config. */
export { loadConfigFile, MAX_CONFIG_FILE_BYTES } from "../diagnose/config/load-config-file.js";
