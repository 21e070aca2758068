import type * as Vega from 'vega'
import type * as VegaLite from 'vega-lite'
import type { TopLevelSpec } from 'vega-lite'

// Loaded at the first chart, not at start: vega and vega-lite take ~0.3–0.4 s to load (decision 076).
let libraries: Promise<[typeof Vega, typeof VegaLite]> | undefined
const chartLibraries = () => (libraries ??= Promise.all([import('vega'), import('vega-lite')]))

/**
 * Vega names an empty mark container (a layer with no rows, such as the group's quartiles when the group is too small
 * to show) as a graphics symbol with no label, which assistive technology cannot describe (axe: svg-img-alt). An
 * empty container shows nothing, so it is drawn without a role.
 */
const withoutEmptyMarkRoles = (svg: string) => svg.replace(/(<g [^>]*?) role="graphics-symbol" aria-roledescription="[^"]*"\/>/g, '$1/>')

/**
 * Renders a Vega-Lite spec to an SVG string on the server, without a browser or canvas: pages stay readable
 * without JavaScript, and reports can embed the same charts. Callers supply the data inline in the spec.
 */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await chartLibraries()
  const compiled = compile(spec).spec
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' })
  try {
    return withoutEmptyMarkRoles(await view.toSVG())
  } finally {
    view.finalize()
  }
}

/** The name of the data set a chart shape's spec reads (`data: { name: CHART_DATA }`), filled in per chart. */
export const CHART_DATA = 'rows'

/**
 * A chart shape whose data changes from chart to chart (one per report): compiling the Vega-Lite spec and parsing
 * the Vega spec it gives were ~70 % of drawing the report chart, so they happen once and each chart builds a View
 * from the parsed spec with its own rows. A fresh View per chart, not one reused: a View keeps state between runs
 * (its autosized bounds, and after an error a broken dataflow) that would leak from one school's chart into another.
 */
export function vegaLiteShape(spec: TopLevelSpec): (values: readonly object[]) => Promise<string> {
  let parsed: Vega.Runtime | undefined
  return async (values) => {
    const [vega, { compile }] = await chartLibraries()
    parsed ??= vega.parse(compile(spec).spec)
    const view = new vega.View(parsed, { renderer: 'none' })
    try {
      // Fresh objects: vega tags the rows it is given, and the caller's rows are not ours to tag.
      view.data(CHART_DATA, values.map((v) => ({ ...v })))
      return withoutEmptyMarkRoles(await view.toSVG())
    } finally {
      view.finalize()
    }
  }
}
