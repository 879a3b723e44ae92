/**
 * What a password must be, for every account (the API and the first admin from the environment alike).
 * OWASP ASVS 5 / NIST SP 800-63B: length over composition rules, and no password from the lists that
 * attackers try first. A pure function with no imports, so configuration and the service share it.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordProblem {
  code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_COMMON' | 'PASSWORD_CONTAINS_USERNAME';
  zh: string;
  en: string;
}

/**
 * Words (letters only, lowercase) behind the most used passwords of the public breach corpora, English and
 * pinyin; a password that is one of them plus a few digits or symbols (`Password2026!`, `woaini1314520`) is refused.
 */
const COMMON_WORDS = new Set(
  [
    'password', 'passw', 'passwd', 'pass', 'pwd', 'mima', 'wodemima', 'admin', 'administrator', 'root', 'user', 'guest', 'test',
    'qwerty', 'qwertyuiop', 'qwertyui', 'qwer', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qazwsxedc', 'qaz', 'wsx', 'edc', 'rfv',
    'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'aaa', 'aaaaaa', 'iloveyou', 'loveyou', 'love', 'woaini', 'aini', 'woaiwojia',
    'letmein', 'welcome', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'batman', 'trustno',
    'shadow', 'michael', 'jennifer', 'hello', 'helloworld', 'freedom', 'whatever', 'starwars', 'computer', 'secret', 'changeme', 'default',
    'login', 'access', 'internet', 'china', 'beijing', 'shanghai', 'zhongguo', 'woshishui', 'nihao', 'xinfang', 'renda', 'renmin', 'zhengfu',
    'x', 'xx', 'xxx', 'a', 'q', 'z', 'p', 'w',
  ],
);

/** Keyboard rows and runs that people walk along; a password inside one of them (either way) is refused. */
const RUNS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'qazwsxedcrfvtgbyhnujmikolp', '!@#$%^&*()_+'];

function isRun(lower: string): boolean {
  if (lower.length < 4) return false;
  return RUNS.some((run) => {
    const twice = run + run;
    const reversed = Array.from(twice).reverse().join('');
    return twice.includes(lower) || reversed.includes(lower);
  });
}

/** `abcabcabcabc`, `121212121212`, twelve spaces: a short unit repeated. */
function isRepetition(value: string): boolean {
  const chars = Array.from(value);
  for (let size = 1; size <= Math.floor(chars.length / 2); size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === value) return true;
  }
  return false;
}

/** Why the password is refused, in both languages, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      code: 'PASSWORD_TOO_SHORT',
      zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（可用一句话或几个词组成，便于记忆）。`,
      en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters (a short sentence or a few words are easy to remember).`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'PASSWORD_TOO_LONG', zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`, en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) {
    return { code: 'PASSWORD_CONTAINS_USERNAME', zh: '密码不能包含用户名。', en: 'The password must not contain the username.' };
  }
  const letters = lower.replace(/[^a-z]/g, '');
  const digits = lower.replace(/[^0-9]/g, '');
  const rest = lower.length - letters.length;
  // `P@ssw0rd2026` → `password`: digits and symbols around a word dropped, look-alikes inside it read as letters.
  const word = lower
    .replace(/^[^a-z]+|[^a-z]+$/g, '')
    .replace(/[@4]/g, 'a')
    .replace(/[$5]/g, 's')
    .replace(/0/g, 'o')
    .replace(/[1!]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/7/g, 't')
    .replace(/[^a-z]/g, '');
  const common =
    lower.trim() === '' ||
    isRepetition(lower) ||
    isRun(lower) ||
    (letters !== '' && rest <= 8 && (COMMON_WORDS.has(letters) || COMMON_WORDS.has(word) || isRepetition(letters) || isRun(letters))) ||
    (letters === '' && digits.length >= lower.length - 2 && (isRun(digits) || isRepetition(digits)));
  if (common) {
    return {
      code: 'PASSWORD_TOO_COMMON',
      zh: '该密码过于常见或有规律，容易被猜中，请换一个。',
      en: 'This password is too common or too regular to be safe; choose another.',
    };
  }
  return null;
}
