export const caseMessages = {};
