import { TableScroll } from '../table-scroll'

/** One problem found in an uploaded file: its row (the header is row 1), the field or column, and what is wrong. */
export type RowProblem = { row: number; field?: string | null | undefined; message: string; duplicate?: boolean | undefined }

/**
 * The problems of an uploaded CSV, a row each, in the file's order (directory import, historical rounds). Each row has
 * an id (`problem-N`) so an error summary can link to it.
 */
export function RowProblemsTable({ problems, columnLabel }: { problems: readonly RowProblem[]; columnLabel: string }) {
  return (
    <TableScroll label="Problems">
      <table>
        <caption>Problems, by row of the file (row 1 is the header)</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">{columnLabel}</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr id={`problem-${i}`} class={p.duplicate ? 'row-duplicate' : undefined}>
              <td class="num">{p.row}</td>
              <td>{p.field ?? (p.duplicate ? 'duplicate' : '')}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
