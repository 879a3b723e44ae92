/** Injection token of the typed AppConfig (see config/app-config.ts). */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the office Policy (config/policy.json, validated). */
export const POLICY = Symbol('POLICY');
