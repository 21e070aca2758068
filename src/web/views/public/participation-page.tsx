import type { PublishedCount } from '../../../domain/privacy/small-counts'
import { DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import type { CycleParticipation, PublishedBreakdown } from '../../../services/public/participation'
import type { Messages } from '../../i18n/messages'

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })

export function ParticipationPage({ m, cycles }: { m: Messages; cycles: CycleParticipation[] }) {
  const p = m.participation
  return (
    <>
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      <p>{p.suppression}</p>
      {cycles.length === 0 && <p>{p.none}</p>}
      {cycles.map((cycle) => (
        <CycleParticipationSection m={m} cycle={cycle} />
      ))}
    </>
  )
}

/** One cycle's figures as the public sees them; the admin's publication preview shows the same section. */
export function CycleParticipationSection({ m, cycle }: { m: Messages; cycle: CycleParticipation }) {
  const p = m.participation
  return (
    <section aria-labelledby={`cycle-${cycle.id}`}>
      <h2 id={`cycle-${cycle.id}`}>{cycle.title}</h2>
      <p class="muted">{p.round(DATE.format(cycle.opensAt), DATE.format(cycle.deadlineAt))}</p>
      <CountTable
        m={m}
        caption={p.caption(cycle.title, p.byDiscipline)}
        groupHeader={p.discipline}
        breakdown={cycle.byDiscipline}
        label={(d) => DISCIPLINE_LABELS[d as Discipline] ?? d}
      />
      <CountTable m={m} caption={p.caption(cycle.title, p.byState)} groupHeader={p.state} breakdown={cycle.byState} label={(s) => s} />
    </section>
  )
}

function CountTable<G extends string>(props: { m: Messages; caption: string; groupHeader: string; breakdown: PublishedBreakdown<G>; label: (g: G) => string }) {
  const p = props.m.participation
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeader}</th>
            <th scope="col" class="num">{p.invited}</th>
            <th scope="col" class="num">{p.takingPart}</th>
            <th scope="col" class="num">{p.completed}</th>
          </tr>
        </thead>
        <tbody>
          {props.breakdown.rows.map((row) => (
            <tr>
              <th scope="row">{props.label(row.group)}</th>
              <Cell m={props.m} count={row.invited} />
              <Cell m={props.m} count={row.takingPart} />
              <Cell m={props.m} count={row.completed} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{p.total}</th>
            <Cell m={props.m} count={props.breakdown.total.invited} />
            <Cell m={props.m} count={props.breakdown.total.takingPart} />
            <Cell m={props.m} count={props.breakdown.total.completed} />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function Cell({ m, count }: { m: Messages; count: PublishedCount }) {
  if (count.kind === 'shown') return <td class="num">{count.value.toLocaleString('en-US')}</td>
  return <td class="num suppressed">{count.kind === 'fewer-than-k' ? m.common.fewerThanK : m.common.withheld}</td>
}
