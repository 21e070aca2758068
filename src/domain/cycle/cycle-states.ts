// A cycle moves one way: draft → open → closed → scored → released. Nothing goes back, nothing skips a step,
// because invitations, answers and scores each depend on the step before having finished.

export const CYCLE_STATUSES = ['draft', 'open', 'closed', 'scored', 'released'] as const
export type CycleStatus = (typeof CYCLE_STATUSES)[number]

const NEXT: Record<CycleStatus, CycleStatus | null> = {
  draft: 'open',
  open: 'closed',
  closed: 'scored',
  scored: 'released',
  released: null,
}

export const nextCycleStatus = (status: CycleStatus): CycleStatus | null => NEXT[status]

export const canMoveCycle = (from: CycleStatus, to: CycleStatus): boolean => NEXT[from] === to

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  scored: 'Scored',
  released: 'Released',
}

/** The button label for moving a cycle on from this status. */
export const CYCLE_ADVANCE_LABELS: Record<CycleStatus, string | null> = {
  draft: 'Open the cycle and send invitations',
  open: 'Close the cycle',
  closed: 'Score and freeze norms',
  scored: 'Release reports',
  released: null,
}

/** While a cycle is draft its settings may change; afterwards they are the record of what was run. */
export const cycleSettingsEditable = (status: CycleStatus) => status === 'draft'

/** Schools can be invited late, or join on request, only while the cycle is open. */
export const cycleAcceptsSchools = (status: CycleStatus) => status === 'open'
