import { sql } from 'drizzle-orm'
import { boolean, check, customType, index, integer, jsonb, pgTable, serial, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { Discipline } from '../../domain/school/school-facts'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'
import { cycles } from './cycles'
import { schools } from './schools'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/**
 * A cycle's badge offer: the period its badges are valid for. A cycle offers a badge when it has this row and at
 * least one fee row; a discipline without a fee row is not offered one.
 */
export const badgeOffers = pgTable('badge_offers', {
  cycleId: uuid('cycle_id').primaryKey().references(() => cycles.id, { onDelete: 'cascade' }),
  validFrom: instant('valid_from').notNull(),
  validUntil: instant('valid_until').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull().defaultNow(),
})

/** The fee for one discipline's badge in one cycle, in US cents (0 allowed: a free badge still goes through an order). */
export const badgeOfferFees = pgTable('badge_offer_fees', {
  cycleId: uuid('cycle_id').notNull().references(() => badgeOffers.cycleId, { onDelete: 'cascade' }),
  discipline: text('discipline').$type<Discipline>().notNull(),
  feeCents: integer('fee_cents').notNull(),
}, (t) => [uniqueIndex('badge_offer_fees_key').on(t.cycleId, t.discipline), check('badge_offer_fees_non_negative', sql`${t.feeCents} >= 0`)])

export type BadgePaymentMethod = 'invoice' | 'card'
/** awaiting_payment → paid | waived → issued → revoked. The order row is the one badge of a school in a cycle. */
export type BadgeOrderStatus = 'awaiting_payment' | 'paid' | 'waived' | 'issued' | 'revoked'

/** One school's badge order in one cycle: unique, so no click or webhook replay can make a second. */
export const badgeOrders = pgTable('badge_orders', {
  id: id(),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'restrict' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  status: text('status').$type<BadgeOrderStatus>().notNull().default('awaiting_payment'),
  paymentMethod: text('payment_method').$type<BadgePaymentMethod>().notNull(),
  feeCents: integer('fee_cents').notNull(),
  /** Human invoice number, e.g. SMM-2026-0042: allocated once per order, never reused. */
  invoiceNumber: serial('invoice_number').notNull(),
  billingName: text('billing_name').notNull(),
  billingEmail: text('billing_email').notNull(),
  billingAddress: text('billing_address').notNull(),
  poNumber: text('po_number'),
  orderedBy: uuid('ordered_by').references(() => users.id, { onDelete: 'set null' }),
  orderedAt: createdAt(),
  paidAt: instant('paid_at'),
  /** The program team's reference (cheque, transfer) or the Stripe payment intent id. */
  paymentReference: text('payment_reference'),
  waivedAt: instant('waived_at'),
  waiveReason: text('waive_reason'),
  /** The program team member who marked paid or waived. */
  settledBy: uuid('settled_by').references(() => users.id, { onDelete: 'set null' }),
  stripeSessionId: text('stripe_session_id'),
}, (t) => [
  uniqueIndex('badge_orders_cycle_school_key').on(t.cycleId, t.schoolId),
  uniqueIndex('badge_orders_stripe_session_key').on(t.stripeSessionId),
  index('badge_orders_status_idx').on(t.status),
])

/** Stripe events already handled: a replay finds its id here and does nothing. */
export const stripeEvents = pgTable('stripe_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: createdAt(),
})

/**
 * An issued badge. `publicId` is the stable, unguessable id in the verification URL and the credential's id;
 * `statusIndex` is its bit in the cycle-independent status list. The image and credential are kept as issued;
 * "reissue the image" (after a school renames) replaces image and credential and bumps `imageVersion`.
 */
export const badges = pgTable('badges', {
  id: id(),
  publicId: text('public_id').notNull(),
  orderId: uuid('order_id').notNull().references(() => badgeOrders.id, { onDelete: 'restrict' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'restrict' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  /** The name as printed on the badge when (re)issued. */
  schoolName: text('school_name').notNull(),
  discipline: text('discipline').$type<Discipline>().notNull(),
  validFrom: instant('valid_from').notNull(),
  validUntil: instant('valid_until').notNull(),
  statusIndex: integer('status_index').notNull(),
  credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
  svg: text('svg').notNull(),
  png: bytea('png').notNull(),
  imageVersion: integer('image_version').notNull().default(1),
  issuedAt: createdAt(),
  revokedAt: instant('revoked_at'),
  revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  /** Internal only: never on the public verification page. */
  revokeReason: text('revoke_reason'),
}, (t) => [
  uniqueIndex('badges_public_id_key').on(t.publicId),
  uniqueIndex('badges_order_key').on(t.orderId),
  uniqueIndex('badges_status_index_key').on(t.statusIndex),
  index('badges_school_idx').on(t.schoolId),
])

/** Per school: listed in the public badge directory (default yes) and the Inaugural Supporter flag, never from scores. */
export const schoolBadgeSettings = pgTable('school_badge_settings', {
  schoolId: uuid('school_id').primaryKey().references(() => schools.id, { onDelete: 'cascade' }),
  listedInDirectory: boolean('listed_in_directory').notNull().default(true),
  inauguralSupporterYear: integer('inaugural_supporter_year'),
  inauguralSupporterNote: text('inaugural_supporter_note'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull().defaultNow(),
})
