/**
 * Freshdesk ticket exports (Tickets → Export). Its "(in hrs)" columns are
 * durations in business hours written HH:MM:SS, so they fill the *_business
 * fields. A ticket nobody answered has an empty "Initial response time" and
 * 00:00:00 as its first response time: the empty timestamp decides, so the
 * 00:00:00 is no value (see read-record.ts).
 */
import type { Preset } from './preset.js';

const clock = { unit: 'HH:MM:SS' } as const;

export const freshdeskPreset: Preset = {
  id: 'freshdesk',
  name: 'Freshdesk ticket export',
  columns: [
    { field: 'id', names: ['Ticket ID', 'Ticket Id'] },
    { field: 'created', names: ['Created time', 'Created Time'] },
    { field: 'solved', names: ['Resolved time', 'Closed time'] },
    { field: 'first_reply', names: ['Initial response time'] },
    { field: 'first_reply_business', names: ['First response time (in hrs)'], spec: clock },
    { field: 'resolution_business', names: ['Resolution time (in hrs)'], spec: clock },
    { field: 'status', names: ['Status'] },
    { field: 'replies', names: ['Agent interactions'] },
  ],
  segments: {
    team: ['Group'],
    agent: ['Agent'],
    channel: ['Source'],
    priority: ['Priority'],
  },
};
