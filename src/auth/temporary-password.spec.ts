import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from '../../config/password-policy.js';
import { temporaryPassword } from './temporary-password.js';

describe('temporaryPassword', () => {
  it('is accepted by the password policy and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword('wang');
      expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
      expect(passwordProblem(password, 'wang')).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
