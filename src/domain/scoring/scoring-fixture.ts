import type { Instrument } from '../instrument/instrument-model'
import { validateInstrument } from '../instrument/instrument-validate'

// A small instrument with one item of every kind, shared by the scoring tests (test-only, kept beside them).

export const SCORING_FIXTURE_RAW = {
  id: 'scoring-fixture',
  title: 'Scoring fixture',
  domains: [
    {
      id: 'alpha',
      title: 'Alpha',
      weight: 2,
      areas: [
        {
          id: 'kinds',
          title: 'Every kind',
          items: [
            { id: 'kinds.yes', text: 'Yes or no?', office: 'hr', kind: 'yes-no', points: { yes: 2, no: 0 }, notApplicable: true },
            { id: 'kinds.single', text: 'One?', office: 'hr', kind: 'single-choice', options: [{ id: 'low', label: 'Low', points: 0 }, { id: 'mid', label: 'Mid', points: 1 }, { id: 'high', label: 'High', points: 3 }] },
            { id: 'kinds.multi', text: 'Many?', office: 'hr', kind: 'multiple-choice', cap: 3, options: [{ id: 'a', label: 'A', points: 2 }, { id: 'b', label: 'B', points: 2 }, { id: 'c', label: 'C', points: 1 }] },
            { id: 'kinds.number', text: 'Share?', office: 'hr', kind: 'number', unit: 'percent', bands: [{ min: 10, points: 1 }, { min: 50, points: 2 }] },
            { id: 'kinds.likert', text: 'How much?', office: 'hr', kind: 'likert', anchors: ['0', '1', '2', '3', '4'] },
            { id: 'kinds.table', text: 'Counts', office: 'hr', kind: 'table', rows: [{ id: 'urm', label: 'URM' }, { id: 'all', label: 'All' }], columns: [{ id: 'n', label: 'N' }], ratio: { numerator: ['urm.n'], denominator: ['all.n'], bands: [{ min: 20, points: 2 }] } },
            { id: 'kinds.notes', text: 'Tell us', office: 'hr', kind: 'free-text' },
          ],
        },
        {
          id: 'gated',
          title: 'Gated',
          items: [
            { id: 'gated.has-plan', text: 'Plan?', office: 'hr', kind: 'yes-no' },
            { id: 'gated.plan-budget', text: 'Budget?', office: 'hr', kind: 'yes-no', showIf: 'gated.has-plan = yes' },
            { id: 'gated.dental-only', text: 'Dental?', office: 'hr', kind: 'yes-no', disciplines: ['dental'] },
          ],
        },
      ],
    },
    {
      id: 'beta',
      title: 'Beta',
      areas: [{ id: 'solo', title: 'Solo', items: [{ id: 'solo.one', text: 'One', office: 'hr', kind: 'yes-no', notApplicable: true }] }],
    },
  ],
}

export function scoringFixture(): Instrument {
  const checked = validateInstrument(SCORING_FIXTURE_RAW)
  if (!checked.ok) throw new Error(`scoring fixture invalid: ${JSON.stringify(checked.issues)}`)
  return checked.instrument
}
