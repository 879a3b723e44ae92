import { nextTick, reactive, ref, shallowRef, watch } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { ApiError } from '@/api/errors';
import { emptyIntakeForm, fieldInputId, fieldValues, firstProblemField, withoutChanged, missingFields, newIdempotencyKey, problemsOf, registerBodyOf, type IntakeField } from './intakeForm';
import { PetitionerCheck, type LookupField, type PetitionerHistory } from './petitionerCheck';
import { describeError } from './useErrorText';
import { useI18n } from './useI18n';

type CaseView = components['schemas']['CaseViewResponse'];
type Problems = Partial<Record<IntakeField, string>>;

const CHOICE_FIELDS: readonly IntakeField[] = ['channel', 'category'];

/**
 * The state of the 登记 page: the form, the problems at its fields, the live petitioner check and the save.
 * One Idempotency-Key per form: every retry or double click sends the same one, so they make one case; a
 * new key comes only with the next form (登记下一件).
 */
export function useIntakeForm() {
  const { t, language } = useI18n();
  const form = reactive(emptyIntakeForm(new Date()));
  const problems = ref<Problems>({});
  const notice = ref('');
  const saving = ref(false);
  const saved = shallowRef<{ view: CaseView; replayed: boolean } | null>(null);
  const history = shallowRef<PetitionerHistory | null>(null);
  let idempotencyKey = newIdempotencyKey();

  const petitionerCheck = new PetitionerCheck(
    async (body) => unwrap(await api.POST('/cases/petitioner-history', { body })),
    () => language.value,
  );

  // A field the user changes loses its problem (the others keep theirs until the next try).
  watch(
    () => fieldValues(form),
    (after, before) => {
      if (Object.keys(problems.value).length > 0) problems.value = withoutChanged(problems.value, before, after);
    },
  );

  function focus(field: IntakeField | undefined): void {
    if (!field) return;
    void nextTick(() => document.getElementById(fieldInputId(field))?.focus());
  }

  function requiredText(field: IntakeField): string {
    if (field === 'receivedAt') return t('intake.required.receivedAt');
    return t(CHOICE_FIELDS.includes(field) ? 'intake.required.choose' : 'intake.required.fill', { field: t(`intake.fields.${field}`) });
  }

  async function submit(): Promise<void> {
    if (saving.value) return;
    notice.value = '';
    const missing = missingFields(form);
    if (missing.length > 0) {
      problems.value = Object.fromEntries(missing.map((field) => [field, requiredText(field)]));
      focus(missing[0]);
      return;
    }
    problems.value = {};
    saving.value = true;
    try {
      const result = await api.POST('/cases', { body: registerBodyOf(form), params: { header: { 'Idempotency-Key': idempotencyKey } } });
      saved.value = { view: unwrap(result), replayed: result.response.headers.get('Idempotent-Replayed') === 'true' };
    } catch (error) {
      const atFields = error instanceof ApiError && error.status === 400 ? problemsOf(error, language.value) : {};
      const first = firstProblemField(atFields);
      if (first) {
        problems.value = atFields;
        focus(first);
      } else {
        notice.value = describeError(error, t);
      }
    } finally {
      saving.value = false;
    }
  }

  async function checkPetitioner(field: LookupField): Promise<void> {
    const outcome = await petitionerCheck.check(field, form.petitioner[field]);
    if (!outcome) return;
    const formField: IntakeField = field === 'idNumber' ? 'petitioner.idNumber' : 'petitioner.phone';
    const next = { ...problems.value };
    if (outcome.problem) next[formField] = outcome.problem;
    else delete next[formField];
    problems.value = next;
    if (outcome.history !== undefined) history.value = outcome.history;
  }

  /** After a saved case: an empty form with a new key. */
  function next(): void {
    Object.assign(form, emptyIntakeForm(new Date()));
    problems.value = {};
    notice.value = '';
    history.value = null;
    saved.value = null;
    petitionerCheck.reset();
    idempotencyKey = newIdempotencyKey();
    focus('channel');
  }

  return { form, problems, notice, saving, saved, history, submit, checkPetitioner, next };
}
