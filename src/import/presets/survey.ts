/**
 * Survey tool exports (Typeform, Google Forms, SurveyMonkey, Qualtrics …):
 * one row per response. The question column decides the metric by its
 * scale: "How likely are you to recommend …" and NPS columns are 0–10,
 * satisfaction (CSAT) 1–5, effort (CES) 1–7.
 */
import type { Preset } from './preset.js';

export const surveyPreset: Preset = {
  id: 'survey',
  name: 'survey response export',
  columns: [
    { field: 'id', names: ['Response ID', 'ResponseId', 'Respondent ID', '#'] },
    {
      field: 'created',
      names: [
        'Submitted at',
        'Submit Date (UTC)',
        'Response date',
        'Responded at',
        'Timestamp',
        'End Date',
        'Date',
        'Created at',
      ],
    },
    {
      field: 'score',
      pattern: /(how likely.*recommend|\bNPS\b|net promoter)/i,
      spec: { scale: '0-10' },
    },
    { field: 'score', pattern: /(\bCSAT\b|satisf)/i, spec: { scale: '1-5' } },
    { field: 'score', pattern: /(\bCES\b|effort|easy)/i, spec: { scale: '1-7' } },
  ],
  segments: {
    team: ['Team', 'Group'],
    agent: ['Agent', 'Agent name'],
    channel: ['Channel', 'Source'],
  },
};
