/**
 * A port of the cases module that the meetings module implements (cases sit below meetings and may not
 * import them): a leader reads the cases in his or her charge and those on the agenda of a confirmed or
 * held meeting he or she attends. `MeetingsModule` provides it under `LEADER_MEETING_CASES`.
 */
export interface LeaderMeetingCases {
  /** Is the case on the agenda of a confirmed or held meeting this leader attends (as an active attendee)? */
  attends(caseId: string, leaderId: string): Promise<boolean>;
  /**
   * The cases on the agendas of the confirmed or held meetings this leader attends (the ledger reads them
   * as one `IN` list: a few hundred a year, far below the databases' bound of 32,766 parameters).
   */
  caseIds(leaderId: string): Promise<string[]>;
}

export const LEADER_MEETING_CASES = Symbol('LeaderMeetingCases');
