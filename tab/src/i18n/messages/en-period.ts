/** English both lead pages use, the team dashboard and the learning report: the period picker's. */
export const enPeriod = {
  'period.label': 'Period',
  'period.weeks.one': '{count} week',
  'period.weeks.other': '{count} weeks',
} as const satisfies Record<string, string>;
