/** Injection token of the typed AppConfig (see config/app-config.ts). */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of a live view of the office Policy in force (src/settings: OfficeSettings.livePolicy; prefer OfficeSettings). */
export const POLICY = Symbol('POLICY');
