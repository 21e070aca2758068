// One scoring run per cycle at a time (decision 154). A run's progress row says `running` until its job finishes it;
// a job that died for good (its process killed on the queue's last attempt) never does, so a run stops counting as
// under way once the queue has given up on it, and the program team can start scoring again.

/** Longer than the queue keeps trying a scoring job: 4 attempts of at most 15 minutes each, with their retry delays. */
export const SCORING_RUN_ABANDONED_AFTER_MS = 2 * 3_600_000

export type ScoringRunProgress = { status: 'running' | 'done' | 'failed'; createdAt: Date }

/** Whether a scoring run of the cycle is still under way, so that starting another would score it twice. */
export const scoringUnderWay = (latest: ScoringRunProgress | undefined, now: Date): boolean =>
  latest !== undefined && latest.status === 'running' && now.getTime() - latest.createdAt.getTime() < SCORING_RUN_ABANDONED_AFTER_MS
