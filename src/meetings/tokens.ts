/** Injection token of the validated MeetingsConfig (config/meetings.json). */
export const MEETINGS_CONFIG = Symbol('MEETINGS_CONFIG');
