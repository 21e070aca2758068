import type { ResourceInsert } from '../../db/queries/resources'

// The demo's toolkit (to help a faculty member bring their school in) and recommended resources per area of the
// 2024 instrument, so reports and the public toolkit page have real content on the first start. The area
// resources point to well-known public sources; the toolkit texts are written for the demo.

const DEAN_LETTER = `Dear Dean [name],

Our school has been invited to take part in the Social Mission Metrics self-assessment. It asks one shared
questionnaire about how our programs, graduates, faculty and leadership contribute to health equity, and returns a
confidential report comparing us with similar schools. Only aggregates are ever published.

Taking part asks little of your office: you accept the invitation, name a colleague to coordinate, and certify the
answers at the end. Colleagues can each answer the areas they know best. Schools that complete it may also display
the program's badge, which shows commitment, never a score.

I would be glad to coordinate our answers. Could we accept the invitation before [deadline]?

With thanks,
[your name]
`

const EXPLAINER = `Social Mission Metrics in one page

What it is: a self-assessment of a health professions school's social mission: its contribution, through its
mission, programs, graduates, faculty and leadership, to advancing health equity.

Who answers: one shared questionnaire per school. The dean accepts and certifies; colleagues answer the areas
they know (admissions, curriculum, community partnerships, faculty, governance).

What the school gets: a confidential benchmarking report. Each area's result is compared with similar schools and
with all schools; only the school's leadership can read it.

What is public: only aggregates, with small counts suppressed. No school's result is ever published.

Time: most schools finish within a few weeks, spread across offices.
`

export const DEMO_TOOLKIT: ResourceInsert[] = [
  {
    slug: 'letter-to-your-dean', kind: 'toolkit', title: 'A letter a faculty member can send their dean',
    summary: 'A short, editable letter asking your dean to accept the invitation and offering to coordinate the answers.',
    body: DEAN_LETTER, fileName: 'letter-to-your-dean.txt', fileType: 'text/plain', fileSize: Buffer.byteLength(DEAN_LETTER), fileData: Buffer.from(DEAN_LETTER),
  },
  {
    slug: 'one-page-explainer', kind: 'toolkit', title: 'Social Mission Metrics in one page',
    summary: 'What the self-assessment is, who answers, what the school gets and what is public: for a faculty meeting or a board.',
    body: EXPLAINER, fileName: 'social-mission-metrics-one-page.txt', fileType: 'text/plain', fileSize: Buffer.byteLength(EXPLAINER), fileData: Buffer.from(EXPLAINER),
  },
]

const area = (slug: string, areaId: string, title: string, summary: string, body: string): ResourceInsert => ({ slug, kind: 'area-resource', areaId, title, summary, body })

export const DEMO_AREA_RESOURCES: ResourceInsert[] = [
  area('aamc-holistic-review', 'holistic-admissions', 'AAMC: Holistic Review in admissions',
    'The Association of American Medical Colleges’ guidance and workshops on mission-aligned, holistic admissions.',
    'Holistic review weighs each applicant’s experiences and attributes alongside academic metrics, in line with the school’s mission.\nhttps://www.aamc.org/services/member-capacity-building/holistic-review'),
  area('ccph-partnerships', 'community-partnerships', 'Community-Campus Partnerships for Health',
    'Principles and examples of equitable partnerships between academic institutions and communities.',
    'A nonprofit network that promotes health equity through partnerships between communities and academic institutions.\nhttps://ccphealth.org'),
  area('beyond-flexner-alliance', 'mission-strategy', 'The Beyond Flexner Alliance',
    'A national movement of schools and organisations that put social mission at the centre of health professions education.',
    'Conferences, a community of practice and published work on social mission in health professions education.\nhttps://beyondflexner.org'),
  area('social-mission-ranking-2010', 'graduate-outcomes', 'Mullan et al. (2010): The social mission of medical education',
    'The study that ranked US medical schools by the share of graduates in primary care, in underserved areas and from underrepresented groups.',
    'Mullan F, Chen C, Petterson S, Kolsky G, Spagnola M. The social mission of medical education: ranking the schools. Ann Intern Med. 2010;152(12):804–811.'),
  area('aamc-diversity-facts', 'faculty-leadership-diversity', 'AAMC: Diversity in Medicine, facts and figures',
    'National data on the diversity of applicants, students and faculty, to set your school’s figures in context.',
    'https://www.aamc.org/data-reports/workforce/report/diversity-medicine-facts-and-figures-2019'),
]
