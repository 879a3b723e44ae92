import { ref, shallowRef, type Ref } from 'vue';
import { createBody, formProblems, NO_PROBLEMS, patchBody, type FormProblems, type FormValues } from './directoryAdmin';

export interface RecordEditorOptions<T extends { id: string }, F extends FormValues> {
  load: () => Promise<T[]>;
  create: (body: Record<string, unknown>) => Promise<T>;
  update?: (id: string, body: Record<string, unknown>) => Promise<T>;
  /** The form's model: empty for a new record, else the record's values. */
  formOf: (record: T | null) => F;
  createFields: readonly (keyof F & string)[];
  updateFields: readonly (keyof F & string)[];
  describe: (error: unknown) => string;
  language: () => string;
}

/**
 * One directory tab: its list as the API gives it, and one dialog that creates or edits a record. A save
 * sends the create body, or a PATCH with only what changed; the API's answer replaces the row, its
 * refusal goes back to the fields (or, naming none, above the buttons).
 */
export function useRecordEditor<T extends { id: string }, F extends FormValues>(options: RecordEditorOptions<T, F>) {
  const items = shallowRef<T[]>([]);
  const loading = ref(false);
  const listProblem = ref('');
  const open = ref(false);
  const editing = shallowRef<T | null>(null);
  const form = ref(options.formOf(null)) as Ref<F>;
  const busy = ref(false);
  const problems = ref<FormProblems>(NO_PROBLEMS);
  /** The last save's outcome for the live region: 'saved' | 'unchanged' | ''. */
  const outcome = ref<'saved' | 'unchanged' | ''>('');

  async function reload(): Promise<void> {
    loading.value = true;
    listProblem.value = '';
    try {
      items.value = await options.load();
    } catch (error) {
      listProblem.value = options.describe(error);
    } finally {
      loading.value = false;
    }
  }

  function start(record: T | null): void {
    editing.value = record;
    form.value = options.formOf(record);
    problems.value = NO_PROBLEMS;
    outcome.value = '';
    open.value = true;
  }

  /** Puts the API's copy of a record in the list (replacing the old row, or appended). */
  function replace(record: T): void {
    items.value = items.value.some((item) => item.id === record.id) ? items.value.map((item) => (item.id === record.id ? record : item)) : [...items.value, record];
  }

  async function save(): Promise<boolean> {
    busy.value = true;
    problems.value = NO_PROBLEMS;
    try {
      const record = editing.value;
      if (record) {
        const body = patchBody(record as unknown as Partial<Record<keyof F, unknown>>, form.value, options.updateFields);
        if (!Object.keys(body).length || !options.update) {
          outcome.value = 'unchanged';
          open.value = false;
          return true;
        }
        replace(await options.update(record.id, body));
      } else {
        replace(await options.create(createBody(form.value, options.createFields)));
      }
      outcome.value = 'saved';
      open.value = false;
      return true;
    } catch (error) {
      problems.value = formProblems(error, options.describe, options.language());
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { items, loading, listProblem, open, editing, form, busy, problems, outcome, reload, start, replace, save };
}
