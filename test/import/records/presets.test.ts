import { describe, expect, it } from 'vitest';
import { recognisePreset } from '../../../src/import/presets/index.js';

/** The header of the real Zendesk export in shared/data (zendesk_export_plum_DA_Assignment.csv). */
const ZENDESK_REAL = [
  'Id',
  'Requester id',
  'Group',
  'Status',
  'Priority',
  'Via',
  'Created at',
  'Updated at',
  'Assigned at',
  'Initially assigned at',
  'Solved at',
  'Resolution time',
  'Satisfaction Score',
  'Reopens',
  'Replies',
  'First reply time in minutes within business hours',
  'First resolution time in minutes',
  'First resolution time in minutes within business hours',
  'Full resolution time in minutes',
  'Full resolution time in minutes within business hours',
  'Requester wait time in minutes',
  'Requester wait time in minutes within business hours',
  'Manual Tagging of Categories [list]',
];

const fieldsOf = (header: string[]) => {
  const match = recognisePreset(header);
  return {
    preset: match?.preset.id,
    timezone: match?.timezone,
    segments: match?.segments,
    fields: Object.fromEntries(
      Object.entries(match?.fields ?? {}).map(([k, v]) => [
        k,
        [v.column, v.unit ?? v.scale ?? v.scales?.join('|')].filter(Boolean).join(' : '),
      ]),
    ),
  };
};

describe('presets', () => {
  it('recognise the real Zendesk export; its only first-reply column is in business hours', () => {
    expect(fieldsOf(ZENDESK_REAL)).toEqual({
      preset: 'zendesk',
      timezone: undefined,
      segments: { team: 'Group', channel: 'Via', priority: 'Priority' },
      fields: {
        id: 'Id',
        created: 'Created at',
        solved: 'Solved at',
        first_reply_business: 'First reply time in minutes within business hours : m',
        resolution_business: 'Full resolution time in minutes within business hours : m',
        resolution: 'Full resolution time in minutes : m',
        status: 'Status',
        rating: 'Satisfaction Score : 1-5|good-bad',
        reopens: 'Reopens',
        replies: 'Replies',
      },
    });
  });

  it('recognise Zendesk Explore column names', () => {
    expect(
      fieldsOf([
        'Ticket ID',
        'Ticket group',
        'Ticket created - Timestamp',
        'Ticket solved - Timestamp',
        'First reply time (hrs)',
        'Full resolution time - Business hours (min)',
      ]).fields,
    ).toEqual({
      id: 'Ticket ID',
      created: 'Ticket created - Timestamp',
      solved: 'Ticket solved - Timestamp',
      first_reply: 'First reply time (hrs) : h',
      resolution_business: 'Full resolution time - Business hours (min) : m',
    });
  });

  it('recognise Freshdesk: "(in hrs)" columns are business hours HH:MM:SS', () => {
    expect(
      fieldsOf([
        'Ticket ID',
        'Subject',
        'Status',
        'Priority',
        'Source',
        'Type',
        'Agent',
        'Group',
        'Created time',
        'Due by Time',
        'Resolved time',
        'Closed time',
        'Last update time',
        'Initial response time',
        'Time tracked',
        'First response time (in hrs)',
        'Resolution time (in hrs)',
        'Agent interactions',
        'Customer interactions',
        'Resolution status',
        'First response status',
        'Survey results',
      ]),
    ).toEqual({
      preset: 'freshdesk',
      timezone: undefined,
      segments: { team: 'Group', agent: 'Agent', channel: 'Source', priority: 'Priority' },
      fields: {
        id: 'Ticket ID',
        created: 'Created time',
        solved: 'Resolved time',
        first_reply: 'Initial response time',
        first_reply_business: 'First response time (in hrs) : HH:MM:SS',
        resolution_business: 'Resolution time (in hrs) : HH:MM:SS',
        status: 'Status',
        replies: 'Agent interactions',
      },
    });
  });

  it('recognise Intercom and read the time zone from its header', () => {
    expect(
      fieldsOf([
        'Conversation ID',
        'Conversation started at (America/New_York)',
        'Conversation last closed at (America/New_York)',
        'Time to first response (seconds)',
        'Time to first response in office hours (seconds)',
        'Conversation rating',
        'Team assigned',
      ]),
    ).toEqual({
      preset: 'intercom',
      timezone: 'America/New_York',
      segments: { team: 'Team assigned' },
      fields: {
        id: 'Conversation ID',
        created: 'Conversation started at (America/New_York)',
        solved: 'Conversation last closed at (America/New_York)',
        first_reply_business: 'Time to first response in office hours (seconds) : s',
        first_reply: 'Time to first response (seconds) : s',
        rating: 'Conversation rating : 1-5',
      },
    });
  });

  it('recognise a survey export and its score by the question', () => {
    expect(
      fieldsOf([
        'Response ID',
        'Submitted at',
        'How likely are you to recommend us to a friend?',
        'Team',
      ]),
    ).toEqual({
      preset: 'survey',
      timezone: undefined,
      segments: { team: 'Team' },
      fields: {
        id: 'Response ID',
        created: 'Submitted at',
        score: 'How likely are you to recommend us to a friend? : 0-10',
      },
    });
  });

  it('recognise nothing in a KPI sheet', () => {
    expect(recognisePreset(['Week', 'CSAT %', 'First reply (h)'])).toBeUndefined();
  });
});
