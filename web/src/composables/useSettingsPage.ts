import { computed, ref, shallowRef } from 'vue';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/api/client';
import { useI18n } from './useI18n';
import { useErrorText } from './useErrorText';
import { editableCopy, openDraft, problemsByPath, problemText, sameBody, saveRequest, settingsFailure, type OfficeSettingsBody, type Problem } from './officeSettings';

export type SettingsVersion = components['schemas']['SettingsVersionResponse'];
type ActiveSettings = components['schemas']['ActiveSettingsResponse'];
/** The form edits the body with its periods as pairs (the API's schema says string[][]). */
const bodyOf = (version: Pick<SettingsVersion, 'body'>): OfficeSettingsBody => version.body as OfficeSettingsBody;

/**
 * The 办公设置 page's state and its calls: the active version (+ time zone and warnings), the versions, the
 * form (the open draft's body, else a copy of the active one), and save → validate → publish / rollback.
 */
export function useSettingsPage() {
  const { t, language } = useI18n();
  const describe = useErrorText();
  const active = shallowRef<ActiveSettings | null>(null);
  const packageYears = shallowRef<number[]>([]);
  const timeZone = ref('');
  const warnings = shallowRef<Problem[]>([]);
  const versions = shallowRef<SettingsVersion[]>([]);
  const draft = shallowRef<SettingsVersion | null>(null);
  const form = ref<OfficeSettingsBody | null>(null);
  const note = ref('');
  const busy = ref(false);
  const problems = ref<Record<string, string>>({});
  const problem = ref('');
  const notice = ref('');
  /** The draft passed the last validation and was not changed since. */
  const validated = ref(false);

  const baseBody = computed(() => (draft.value ?? active.value ? bodyOf((draft.value ?? active.value) as SettingsVersion) : null));
  const dirty = computed(() => form.value !== null && baseBody.value !== null && !sameBody(form.value, baseBody.value));
  const warningText = computed(() => warnings.value.map((w) => problemText(w, language.value)));

  async function load(): Promise<void> {
    problem.value = '';
    try {
      const [current, list] = await Promise.all([api.GET('/settings').then(unwrap), api.GET('/settings/versions').then(unwrap)]);
      active.value = current;
      timeZone.value = current.timeZone;
      warnings.value = current.warnings;
      packageYears.value = current.packageYears;
      versions.value = list;
      draft.value = openDraft(versions.value);
      form.value = editableCopy(bodyOf(draft.value ?? current));
      note.value = draft.value?.note ?? '';
      validated.value = false;
    } catch (error) {
      problem.value = describe(error);
    }
  }

  async function step<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    problem.value = '';
    notice.value = '';
    try {
      return await work();
    } catch (error) {
      const failure = settingsFailure(error, describe, language.value);
      problems.value = failure.byPath;
      problem.value = failure.general;
      return null;
    } finally {
      busy.value = false;
    }
  }

  /** Saves the form as a draft (a new one based on the active version, or the open one); the draft, or null when refused. */
  async function saveDraft(): Promise<SettingsVersion | null> {
    if (!form.value || !active.value) return null;
    if (draft.value && !dirty.value && note.value === (draft.value.note ?? '')) return draft.value;
    if (!draft.value && !dirty.value) {
      // Nothing to draft: the form is the version in force.
      notice.value = t('settings.notices.unchanged');
      return null;
    }
    const request = saveRequest(draft.value?.id ?? null, active.value.version, form.value, note.value);
    const saved = await step(async () =>
      request.method === 'POST'
        ? unwrap(await api.POST('/settings/versions', { body: request.body }))
        : unwrap(await api.PUT('/settings/versions/{id}', { params: { path: { id: request.id } }, body: request.body })),
    );
    if (!saved) return null;
    const version = saved;
    draft.value = version;
    problems.value = {};
    validated.value = false;
    versions.value = [version, ...versions.value.filter((v) => v.id !== version.id)];
    notice.value = t('settings.notices.saved', { version: version.version });
    return version;
  }

  async function validate(): Promise<boolean> {
    const saved = await saveDraft();
    if (!saved) return false;
    const result = await step(async () => unwrap(await api.POST('/settings/versions/{id}/validate', { params: { path: { id: saved.id } } })));
    if (!result) return false;
    const outcome = result;
    problems.value = problemsByPath(outcome.errors, language.value);
    warnings.value = outcome.warnings;
    validated.value = outcome.valid;
    notice.value = outcome.valid ? t('settings.notices.valid') : '';
    problem.value = outcome.valid ? '' : t('settings.notices.invalid');
    return outcome.valid;
  }

  async function publish(publishNote: string): Promise<boolean> {
    // The note of the publish is the version's note too (the versions list shows it).
    if (publishNote.trim()) note.value = publishNote.trim();
    const saved = await saveDraft();
    if (!saved) return false;
    const done = await step(async () => unwrap(await api.POST('/settings/versions/{id}/publish', { params: { path: { id: saved.id } }, body: { note: publishNote } })));
    if (!done) return false;
    await load();
    notice.value = t('settings.notices.published', { version: saved.version });
    return true;
  }

  async function rollback(target: SettingsVersion, rollbackNote: string): Promise<boolean> {
    const done = await step(async () => unwrap(await api.POST('/settings/versions/{id}/rollback', { params: { path: { id: target.id } }, body: { note: rollbackNote } })));
    if (!done) return false;
    await load();
    notice.value = t('settings.notices.rolledBack', { version: target.version });
    return true;
  }

  async function discard(): Promise<void> {
    const open = draft.value;
    if (!open) {
      if (active.value) form.value = editableCopy(bodyOf(active.value));
      problems.value = {};
      return;
    }
    const done = await step(async () => {
      unwrap(await api.DELETE('/settings/versions/{id}', { params: { path: { id: open.id } } }));
      return true;
    });
    if (!done) return;
    await load();
    problems.value = {};
    notice.value = t('settings.notices.discarded');
  }

  return { active, packageYears, timeZone, warnings, warningText, versions, draft, form, note, busy, problems, problem, notice, validated, dirty, load, saveDraft, validate, publish, rollback, discard };
}
