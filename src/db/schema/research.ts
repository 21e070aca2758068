import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { cycles } from './cycles'
import { schools } from './schools'

/**
 * Each school's study id in one cycle's research exports (decision 133): random, made on the cycle's first export
 * and kept, so every later export of the cycle uses the same ids. Only the program team's identified export shows
 * the mapping; analysts see study ids alone.
 */
export const researchStudyIds = pgTable('research_study_ids', {
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  studyId: text('study_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('research_study_ids_cycle_school_key').on(t.cycleId, t.schoolId),
  uniqueIndex('research_study_ids_cycle_study_key').on(t.cycleId, t.studyId),
  index('research_study_ids_school_idx').on(t.schoolId),
])
