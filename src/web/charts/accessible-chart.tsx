import { raw } from 'hono/html'
import { TableScroll } from '../views/table-scroll'

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** Gives a rendered SVG an accessible name and description (role="img", <title>, <desc>). */
export function labelSvg(svg: string, id: string, title: string, description: string): string {
  return svg.replace(
    /^<svg /,
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" `,
  ).replace(/(<svg[^>]*>)/, `$1<title id="${id}-title">${escape(title)}</title><desc id="${id}-desc">${escape(description)}</desc>`)
}

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] }

/**
 * A chart as a figure: the labelled SVG, a caption, and the same numbers as a table for screen readers and for
 * anyone who wants the figures (the table sits in a disclosure so the page stays short).
 */
export function ChartFigure(props: { id: string; svg: string; title: string; description: string; table: ChartTable; class?: string }) {
  return (
    <figure class={props.class ? `chart ${props.class}` : 'chart'} aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <div class="chart-svg">{raw(labelSvg(props.svg, props.id, props.title, props.description))}</div>
      <details>
        <summary>Show the numbers as a table</summary>
        <TableScroll label={props.table.caption}>
        <table>
          <caption>{props.table.caption}</caption>
          <thead>
            <tr>
              {props.table.columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((r) => (
              <tr>
                {r.map((v, i) => (i === 0 ? <th scope="row">{v}</th> : <td class="num">{v}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </details>
    </figure>
  )
}
