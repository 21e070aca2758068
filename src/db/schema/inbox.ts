import { index, pgTable, text } from 'drizzle-orm/pg-core'
import type { InboxKind, InboxStatus } from '../../domain/inbox/inbox-rules'
import { createdAt, id, instant } from './columns'

/**
 * Everything the public sends the program (Champion nominations, badge inquiries, general questions) lands here,
 * so admins work one inbox. Kind-specific details live in their own tables keyed by the item's id.
 */
export const inboxItems = pgTable('inbox_items', {
  id: id(),
  kind: text('kind').$type<InboxKind>().notNull(),
  status: text('status').$type<InboxStatus>().notNull().default('new'),
  senderName: text('sender_name').notNull(),
  senderEmail: text('sender_email').notNull(),
  subject: text('subject').notNull(),
  message: text('message').notNull(),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [index('inbox_items_kind_status_idx').on(t.kind, t.status, t.createdAt)])
