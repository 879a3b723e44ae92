import { ApiError } from '@/api/errors';
import { useI18n } from './useI18n';

/**
 * The sentence to show for a failed call: the API's own message (it speaks the user's language), or a
 * plain sentence for a lost connection. A 409 reads as "someone changed it" when the API gave no sentence.
 */
export function describeError(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.status === 403) return t('common.error.forbidden');
    if (error.status === 404) return t('common.error.notFound');
    if (error.status === 409) return t('common.error.conflict');
    return t('common.error.unknown');
  }
  if (error instanceof TypeError) return t('common.error.network');
  return t('common.error.unknown');
}

export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => describeError(error, t);
}
