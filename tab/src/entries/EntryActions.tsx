import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { Entry } from '../api/types.js';
import { DeleteEntryDialog } from './DeleteEntryDialog.js';
import { EditEntryDialog } from './EditEntryDialog.js';
import { deleteEntry, saveEntryEdit } from './entry-requests.js';
import { DiscussWithLead } from '../one-to-one/DiscussWithLead.js';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  entry: Entry;
  client: ApiClient;
  onEdited: (entry: Entry) => void;
  onRemoved: (entry: Entry) => void;
}

/** Edit and Delete for one of the learner's own entries, and putting it (or its result) on a 1:1 list. */
export function EntryActions({ entry, client, onEdited, onRemoved }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <EditEntryDialog entry={entry} save={(edit) => saveEntryEdit(client, entry.id, edit)} onSaved={onEdited} />
      <DeleteEntryDialog entry={entry} remove={() => deleteEntry(client, entry.id)} onRemoved={onRemoved} />
      <DiscussWithLead client={client} subject={entry.result ? { resultOf: entry.id } : { entryId: entry.id }} what={entry.what} />
    </div>
  );
}
