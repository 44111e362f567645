import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { DemoIdentity } from '../api/types.js';
import type { LocalReason } from '../host/host.js';
import { useT } from '../i18n/i18n-context.js';
import { identityLabel } from '../local/demo-identity.js';

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  notice: { flexGrow: 1, flexBasis: '320px' },
  picker: { minWidth: '240px' },
});

interface Props {
  /** Why the tab is not in Teams. */
  reason: LocalReason;
  identities: DemoIdentity[];
  current: DemoIdentity | undefined;
  onChoose(userId: string): void;
}

/** Says plainly that nobody is signed in, and lets the viewer act as one of the demo people. */
export function LocalModeBanner({ reason, identities, current, onChoose }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const why = reason.kind === 'outside-teams' ? t('local.outsideTeams') : t('local.teamsSilent', { detail: reason.detail });
  return (
    <header className={styles.banner} data-testid="local-mode-banner">
      <MessageBar intent="warning" layout="multiline" className={styles.notice}>
        <MessageBarBody>
          <MessageBarTitle>{t('local.title')}</MessageBarTitle>
          {why} {t('local.demoOnly')}
        </MessageBarBody>
      </MessageBar>
      {current && (
        <Field label={t('local.identity')} className={styles.picker}>
          {/* A native select: it is all this needs, and keeps a list component out of every page's first load. */}
          <Select value={current.userId} onChange={(_event, data) => onChoose(data.value)}>
            {identities.map((identity) => (
              <option key={`${identity.tenantId}/${identity.userId}`} value={identity.userId}>
                {identityLabel(identity)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </header>
  );
}
