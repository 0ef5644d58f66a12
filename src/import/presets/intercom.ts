/**
 * Intercom conversation exports. Timestamp headers carry the workspace's
 * time zone — "Conversation started at (America/New_York)" — which then is
 * the zone of every timestamp in the file; durations are "… (seconds)";
 * conversation ratings are 1–5. "Office hours" columns are business hours.
 */
import type { Preset } from './preset.js';

const seconds = { unit: 's' } as const;

export const intercomPreset: Preset = {
  id: 'intercom',
  name: 'Intercom conversation export',
  columns: [
    { field: 'id', names: ['Conversation ID', 'Conversation Id'] },
    { field: 'created', pattern: /^Conversation started at(?: \((?<zone>[^)]+)\))?$/i },
    {
      field: 'solved',
      pattern: /^Conversation (?:last )?closed at(?: \((?<zone>[^)]+)\))?$/i,
    },
    {
      field: 'first_reply_business',
      pattern: /^(?:Time to first response|First response time) in office hours \(seconds\)$/i,
      spec: seconds,
    },
    {
      field: 'first_reply',
      pattern: /^(?:Time to first response|First response time) \(seconds\)$/i,
      spec: seconds,
    },
    {
      field: 'resolution_business',
      pattern: /^Time to (?:last )?close in office hours \(seconds\)$/i,
      spec: seconds,
    },
    { field: 'resolution', pattern: /^Time to (?:last )?close \(seconds\)$/i, spec: seconds },
    { field: 'status', names: ['State', 'Conversation state'] },
    {
      field: 'rating',
      names: ['Conversation rating', 'Rating'],
      spec: { scale: '1-5' },
    },
    { field: 'replies', names: ['Teammate replies', 'Number of teammate replies'] },
    { field: 'reopens', names: ['Times reopened', 'Reopens'] },
  ],
  segments: {
    team: ['Team assigned', 'Team currently assigned'],
    agent: ['Teammate assigned', 'Teammate currently assigned'],
    channel: ['Channel', 'Conversation channel'],
  },
};
