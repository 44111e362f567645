import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { Entry } from '../api/types.js';
import { DeleteEntryDialog } from './DeleteEntryDialog.js';
import { EditEntryDialog } from './EditEntryDialog.js';
import { deleteEntry, saveEntryEdit } from './entry-requests.js';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  entry: Entry;
  client: ApiClient;
  onEdited: (entry: Entry) => void;
  onRemoved: (entry: Entry) => void;
}

/** Edit and Delete for one of the learner's own entries. */
export function EntryActions({ entry, client, onEdited, onRemoved }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <EditEntryDialog entry={entry} save={(edit) => saveEntryEdit(client, entry.id, edit)} onSaved={onEdited} />
      <DeleteEntryDialog entry={entry} remove={() => deleteEntry(client, entry.id)} onRemoved={onRemoved} />
    </div>
  );
}
