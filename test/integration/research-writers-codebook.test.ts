import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { type Codebook, CODEBOOK_COLUMNS, codebookCsv, codebookHtml } from '../../src/services/research/formats'
import { FIXTURE_VARIABLES } from '../support/research-dataset'

const codebook: Codebook = {
  title: 'Fixture round — de-identified',
  dataFile: 'fixture.csv',
  entries: FIXTURE_VARIABLES.map((variable) =>
    variable.name === 'g_advisory_board'
      ? {
          ...variable,
          questionText: 'Does the school have a <community> advisory board?',
          itemKind: 'Yes / no',
          points: 'yes 2, no 0',
          area: 'Community collaborations',
          domain: 'Community engagement',
          skipCondition: "shown if governance.has-board = yes",
        }
      : variable,
  ),
}

async function csvText(): Promise<string> {
  const chunks: Buffer[] = []
  await codebookCsv(codebook, { write: (chunk) => void chunks.push(Buffer.from(chunk)) })
  // Decoded keeping the BOM (a TextDecoder would drop it silently).
  return Buffer.concat(chunks).toString('utf8')
}

describe('codebook', () => {
  test('CSV: a BOM for Excel, one line per variable with codes, missing codes and the instrument facts', async () => {
    const text = await csvText()
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [header, ...rows] = parse(text, { bom: true }) as string[][]
    expect(header).toEqual([...CODEBOOK_COLUMNS])
    expect(rows.map((r) => r[0])).toEqual(FIXTURE_VARIABLES.map((v) => v.name))
    const board = Object.fromEntries(header!.map((h, i) => [h, rows[2]![i]]))
    expect(board).toMatchObject({
      label: FIXTURE_VARIABLES[2]!.label,
      question_text: 'Does the school have a <community> advisory board?',
      value_codes: '1 = Yes; 0 = No; -9 = Missing; -8 = Don’t know; -7 = Not applicable; -6 = Skipped',
      missing_codes: '-9; -8; -7; -6',
      points: 'yes 2, no 0',
      area: 'Community collaborations',
      domain: 'Community engagement',
      skip_condition: 'shown if governance.has-board = yes',
    })
    expect(rows[4]![3]).toBe('numeric (2 decimals)')
  })

  test('HTML: a page with every variable, its codes and the missing-code legend, text escaped', () => {
    const html = codebookHtml(codebook)
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/)
    expect(html).toContain('<title>Codebook: Fixture round — de-identified</title>')
    for (const variable of FIXTURE_VARIABLES) expect(html).toContain(`<code>${variable.name}</code>`)
    expect(html).toContain('Does the school have a &lt;community&gt; advisory board?')
    expect(html).not.toContain('<community>')
    expect(html).toContain('<span class="code">-8</span> Don’t know <em>(missing)</em>')
    expect(html).toContain('<th scope="col">Value codes</th>')
  })
})
