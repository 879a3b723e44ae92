import { isValidPhone } from './phone.js';

describe('isValidPhone', () => {
  it.each([
    '13812345678',
    '19912345678',
    '+8613812345678',
    '+86 138 1234 5678',
    '0086-138-1234-5678',
    '138-1234-5678',
    '010-62345678',
    '01062345678',
    '027-88881234',
    '0719-8881234',
    '0719-88812345',
    '400-123-4567',
    '4001234567',
    '800 123 4567',
  ])('accepts %p', (value) => {
    expect(isValidPhone(value)).toBe(true);
  });

  it.each([
    '',
    'abc',
    '12812345678', // second digit must be 3-9
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '+85213812345678',
    '027-1234', // local number too short
    '027-123456789', // local number too long
    '0027-88881234', // area code cannot start with 00
    '500-123-4567',
    '400-12-34',
  ])('rejects %p', (value) => {
    expect(isValidPhone(value)).toBe(false);
  });
});
