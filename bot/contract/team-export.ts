/** What a team's lead can download, each one CSV file. */
export const TEAM_EXPORT_KINDS = ['entries', 'participation', 'goals', 'follow-ups'] as const;
export type TeamExportKind = (typeof TEAM_EXPORT_KINDS)[number];

/** The file's name: what, which team and how many weeks, safe in a Content-Disposition header. */
export function teamExportFilename(kind: TeamExportKind, teamName: string, weeks: number): string {
  // Accents come off (É → E) before anything outside ASCII letters and digits becomes a dash.
  const team =
    teamName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'team';
  return `learning-loop-${team}-${kind}-${weeks}-weeks.csv`;
}
