import { describe, expect, it } from 'vitest'
import { reportPdfFileNames } from './report-pdf-names'

describe('reportPdfFileNames', () => {
  it('names each file by its school, safe on any file system, and tells namesakes apart', () => {
    expect(reportPdfFileNames(['Riverside College of Nursing', 'A/B: School?', 'Mercy School', 'mercy school', '   ']))
      .toEqual(['Riverside College of Nursing.pdf', 'A-B- School-.pdf', 'Mercy School.pdf', 'mercy school (2).pdf', 'School.pdf'])
  })
})
