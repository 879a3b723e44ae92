import { zhCN } from './zh-CN';
import { en } from './en';

export type Language = 'zh-CN' | 'en';

/** Every user-facing sentence of the console, per language; one file per feature in each folder. */
export const messages: Record<Language, unknown> = { 'zh-CN': zhCN, en };
