/**
 * Zendesk ticket exports: the classic CSV export of Support (views, the
 * "Export as CSV" of tickets) and Explore reports built on the Tickets
 * dataset. Durations come in whole minutes (or hours in Explore's "(hrs)"
 * metrics); business-hours columns fill the *_business fields, never the
 * calendar ones. Satisfaction is Good/Bad in Support and 1–5 in newer
 * surveys; the values decide which, and Offered / Not Offered are no rating.
 */
import type { Preset } from './preset.js';

const minutes = { unit: 'm' } as const;
const hours = { unit: 'h' } as const;

export const zendeskPreset: Preset = {
  id: 'zendesk',
  name: 'Zendesk ticket export',
  columns: [
    { field: 'id', names: ['Id', 'Ticket ID'] },
    { field: 'created', names: ['Created at', 'Ticket created - Timestamp'] },
    { field: 'solved', names: ['Solved at', 'Ticket solved - Timestamp'] },
    {
      field: 'first_reply_business',
      names: [
        'First reply time in minutes within business hours',
        'First reply time - Business hours (min)',
      ],
      spec: minutes,
    },
    {
      field: 'first_reply_business',
      names: ['First reply time - Business hours (hrs)'],
      spec: hours,
    },
    {
      field: 'first_reply',
      names: ['First reply time in minutes', 'First reply time (min)'],
      spec: minutes,
    },
    { field: 'first_reply', names: ['First reply time (hrs)'], spec: hours },
    {
      field: 'resolution_business',
      names: [
        'Full resolution time in minutes within business hours',
        'Full resolution time - Business hours (min)',
      ],
      spec: minutes,
    },
    {
      field: 'resolution_business',
      names: ['Full resolution time - Business hours (hrs)'],
      spec: hours,
    },
    {
      field: 'resolution',
      names: ['Full resolution time in minutes', 'Full resolution time (min)'],
      spec: minutes,
    },
    { field: 'resolution', names: ['Full resolution time (hrs)'], spec: hours },
    { field: 'status', names: ['Status', 'Ticket status'] },
    {
      field: 'rating',
      names: ['Satisfaction Score', 'Satisfaction rating', 'Ticket satisfaction rating'],
      spec: { scales: ['1-5', 'good-bad'] },
    },
    { field: 'reopens', names: ['Reopens'] },
    { field: 'replies', names: ['Replies', 'Agent replies'] },
  ],
  // Exports that went through a BI tool write unset timestamps as this.
  missing: ['1900-01-01 00:00:00'],
  segments: {
    team: ['Group', 'Ticket group'],
    channel: ['Via', 'Ticket channel'],
    agent: ['Assignee', 'Assignee name'],
    priority: ['Priority', 'Ticket priority'],
  },
};
