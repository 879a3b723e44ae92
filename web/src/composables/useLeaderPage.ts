import { ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { upcomingFrom, upcomingMeetings, type MeetingWithBrief } from './leaderPage';
import { useErrorText } from './useErrorText';

/**
 * The leader page's data: the coming meetings the API lists for this leader with each one's brief, and the
 * cases in his or her charge (GET /cases answers a leader with those only), soonest deadline first.
 */
export function useLeaderPage() {
  const errorText = useErrorText();
  const meetings = ref<MeetingWithBrief[]>([]);
  const meetingsProblem = ref('');
  const meetingsLoading = ref(true);
  const cases = ref<components['schemas']['CaseViewResponse'][]>([]);
  const casesTotal = ref(0);
  const casesProblem = ref('');
  const casesLoading = ref(true);

  async function loadMeetings(): Promise<void> {
    meetingsLoading.value = true;
    meetingsProblem.value = '';
    try {
      const now = new Date();
      const found = unwrap(await api.GET('/meetings', { params: { query: { from: upcomingFrom(now) } } }));
      const coming = upcomingMeetings(found, now);
      meetings.value = await Promise.all(
        coming.map(async (meeting): Promise<MeetingWithBrief> => {
          try {
            const brief = unwrap(await api.GET('/meetings/{id}/brief', { params: { path: { id: meeting.id } } }));
            return { meeting, brief, briefProblem: '' };
          } catch (error) {
            return { meeting, brief: null, briefProblem: errorText(error) };
          }
        }),
      );
    } catch (error) {
      meetingsProblem.value = errorText(error);
    } finally {
      meetingsLoading.value = false;
    }
  }

  async function loadCases(): Promise<void> {
    casesLoading.value = true;
    casesProblem.value = '';
    try {
      const page = unwrap(await api.GET('/cases', { params: { query: { sort: 'dueAt', page: 1, pageSize: 200 } } }));
      cases.value = page.items;
      casesTotal.value = page.total;
    } catch (error) {
      casesProblem.value = errorText(error);
    } finally {
      casesLoading.value = false;
    }
  }

  return { meetings, meetingsProblem, meetingsLoading, cases, casesTotal, casesProblem, casesLoading, load: () => Promise.all([loadMeetings(), loadCases()]) };
}
