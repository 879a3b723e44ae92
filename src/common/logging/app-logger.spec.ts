import { AppLogger } from './app-logger.js';
import { requestContext } from './request-context.js';

describe('AppLogger', () => {
  const capture = (): { lines: string[]; logger: AppLogger } => {
    const lines: string[] = [];
    return { lines, logger: new AppLogger('debug', (line) => lines.push(line)) };
  };

  it('masks ID numbers and mobiles in every form of issue 10 (finding 4), in messages, errors and contexts', () => {
    const { lines, logger } = capture();
    logger.log('GET /cases/a420302198507151232 404 1.2ms', 'HTTP');
    logger.warn('lookup ID420302198507151232 phone13872651234');
    logger.error(new Error('callback to +86 138 7265 1234 failed'));
    logger.error('failed', 'Error: retry 0086-138-7265-1234\n    at x (y.js:1:1)');
    logger.debug({ subject: '反映 420302198507151232 的问题 电话13872651234' });
    const messages = lines.map((l) => JSON.parse(l) as { msg: string; context?: string });
    expect(messages.map((m) => m.msg)).toEqual([
      'GET /cases/a420***********1232 404 1.2ms',
      'lookup ID420***********1232 phone138****1234',
      'Error: callback to 138****1234 failed',
      'failed',
      '{"subject":"反映 420***********1232 的问题 电话138****1234"}',
    ]);
    expect(messages[3].context).toBe('Error: retry 138****1234\n    at x (y.js:1:1)');
    for (const line of lines) for (const secret of ['420302198507151232', '13872651234', '138 7265 1234', '138-7265-1234']) expect(line).not.toContain(secret);
  });

  it('keeps the correlation id of the request, a UUID, unmasked', () => {
    const { lines, logger } = capture();
    const correlationId = 'b31ce186-8427-4495-b8e2-f176b02ba2f2';
    requestContext.run({ correlationId, language: 'zh' }, () => logger.log(`request ${correlationId} done`));
    expect(JSON.parse(lines[0])).toMatchObject({ msg: `request ${correlationId} done`, correlationId });
  });
});
