import { describeLanguageRules } from '../../../tests/support/language-rules.js';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { enAdmin } from './messages/en-admin.js';
import { enPeriod } from './messages/en-period.js';
import { enTeam } from './messages/en-team.js';
import { es } from './messages/es.js';

describeLanguageRules(
  'the tab’s catalogs',
  { ...en, ...enTeam, ...enPeriod, ...enAdmin },
  { es: es as Record<string, string>, ar: ar as Record<string, string> },
  {
    // The command typed to the bot: its parser understands the English words in every language.
    'log.checkInCommand': ['check-in'],
  },
);
