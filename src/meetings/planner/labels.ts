import { ZH } from '../../domain/labels.js';

/** Chinese labels used in meeting titles and messages for the secretariat (from the product's vocabulary). */
export const MEETING_TYPE_LABELS = ZH.meetingType;
export const CATEGORY_LABELS = ZH.category;
