export const leader = {};
