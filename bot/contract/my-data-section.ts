// Apart from the erase rules: the personal page's first view needs the id, and only the lazily loaded section the rules.
/** The "Your data" section's id on the personal tab's page (and the sub-entity naming it in a deep link). */
export const MY_DATA_SECTION_ID = 'your-data';
