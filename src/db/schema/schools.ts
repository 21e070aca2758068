import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { SchoolRole } from '../../domain/policy/roles'
import type { CarnegieGroup, Control, Discipline } from '../../domain/school/school-facts'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'

export const schools = pgTable('schools', {
  id: id(),
  name: text('name').notNull(),
  parentInstitution: text('parent_institution'),
  city: text('city').notNull(),
  state: text('state').notNull(),
  discipline: text('discipline').$type<Discipline>().notNull(),
  control: text('control').$type<Control>().notNull(),
  carnegieGroup: text('carnegie_group').$type<CarnegieGroup>().notNull(),
  ipedsUnitId: integer('ipeds_unit_id'),
  website: text('website'),
  deanName: text('dean_name'),
  deanEmail: text('dean_email'),
  status: text('status').$type<'active' | 'inactive'>().notNull().default('active'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [index('schools_discipline_idx').on(t.discipline), index('schools_state_idx').on(t.state)])

/** A person's role at one school. Leadership sees results; coordinators and contributors answer. */
export const schoolMemberships = pgTable('school_memberships', {
  id: id(),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').$type<SchoolRole>().notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('school_memberships_school_user_key').on(t.schoolId, t.userId)])
