/**
 * The clock of sessions, token expiry and sign-in limits: wall time, apart from the service clock that
 * tests move across days and months to reach deadlines (a token's 15 minutes are real minutes). Tests of
 * expiry give it a clock of their own.
 */
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');
