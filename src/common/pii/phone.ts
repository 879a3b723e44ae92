/**
 * Mainland China phone numbers as petitioners give them:
 * - mobile: `1[3-9]` + 9 digits, optionally `+86`/`0086` and spaces/dashes in 3-4-4 groups;
 * - landline: `0` + area code of 2–3 more digits + 7–8 digit local number, optional dash
 *   (`027-88881234`, `01088881234`);
 * - service numbers: `400`/`800` + 7 digits (`400-123-4567`).
 */
const MOBILE = /^(?:(?:\+86|0086)[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}$/;
const LANDLINE = /^0[1-9]\d{1,2}-?[2-9]\d{6,7}$/;
const SERVICE = /^[48]00[ -]?\d{3}[ -]?\d{4}$/;

export function isValidPhone(value: string): boolean {
  const v = value.trim();
  return MOBILE.test(v) || LANDLINE.test(v) || SERVICE.test(v);
}
