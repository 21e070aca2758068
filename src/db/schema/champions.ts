import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant } from './columns'
import { inboxItems } from './inbox'

/**
 * A Champion nomination's own fields (the nominator and their text are on the inbox item). The `featured*`
 * columns are what an admin chose to publish; the nominator's words are never shown publicly as they are.
 */
export const championNominations = pgTable('champion_nominations', {
  inboxItemId: uuid('inbox_item_id').primaryKey().references(() => inboxItems.id, { onDelete: 'cascade' }),
  nomineeName: text('nominee_name').notNull(),
  nomineeRole: text('nominee_role').notNull(),
  nomineeInstitution: text('nominee_institution').notNull(),
  consentToFeature: boolean('consent_to_feature').notNull(),
  featuredName: text('featured_name'),
  featuredRole: text('featured_role'),
  featuredInstitution: text('featured_institution'),
  featuredBlurb: text('featured_blurb'),
  featuredAt: instant('featured_at'),
}, (t) => [index('champion_nominations_featured_idx').on(t.featuredAt)])
