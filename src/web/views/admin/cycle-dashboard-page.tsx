import { CYCLE_STATUS_LABELS, nextCycleStatus } from '../../../domain/cycle/cycle-states'
import { DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import type { Tally } from '../../../domain/cycle/cycle-summary'
import type { CycleDashboard } from '../../../services/cycles/cycle-monitoring'
import { ChartFigure } from '../../charts/accessible-chart'
import { When } from '../format'
import { TableScroll } from '../table-scroll'
import { CycleCalendarSection, ExtensionsNote } from './cycle-calendar-section'
import { InvitedSummary, PilotNotice } from './cycle-sampling-summary'
import { CycleSchoolsSection } from './cycle-schools-section'
import type { CycleSchoolQuery } from './cycle-schools-section'
import { AdvanceCycleAction } from './cycle-advance-action'
import { JobProgressPanel } from './job-progress-panel'


function TallyTable({ caption, keyLabel, rows }: { caption: string; keyLabel: string; rows: { label: string; tally: Tally }[] }) {
  return (
    <TableScroll label={caption}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">Invited</th>
          <th scope="col">Accepted</th>
          <th scope="col">Declined</th>
          <th scope="col">In progress</th>
          <th scope="col">Submitted</th>
          <th scope="col">Complete</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, tally: t }) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="num">{t.invited}</td>
            <td class="num">{t.accepted}</td>
            <td class="num">{t.declined}</td>
            <td class="num">{t.inProgress}</td>
            <td class="num">{t.submitted}</td>
            <td class="num">{t.completionPct}%</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  )
}

const SENDING_TEXT = { runningHeading: 'Sending invitations', doneHeading: 'Invitations sent', failedHeading: 'Sending invitations stopped', noun: 'invitations created' }

export function CycleDashboardPage(props: { view: CycleDashboard; query: CycleSchoolQuery; chartSvg: string }) {
  const { cycle, total, byDiscipline, byState, daily, progress } = props.view
  const next = nextCycleStatus(cycle.status)
  return (
    <>
      <p>
        <a href="/admin/cycles">← Assessment cycles</a>
      </p>
      <h1>{cycle.title}</h1>
      <p>
        <span class={`status status-${cycle.status}`}>{CYCLE_STATUS_LABELS[cycle.status]}</span>{' '}
        {cycle.status === 'draft' && <a href={`/admin/cycles/${cycle.id}/edit`}>Edit settings</a>}
      </p>
      {cycle.kind === 'historical' && <p class="notice">A past round imported from its records: its scores feed the trends and carry-forward of later cycles.</p>}
      <PilotNotice pilot={cycle.pilot} />
      <dl class="pairs">
        <dt>Instrument</dt>
        <dd>{cycle.instrumentVersion}</dd>
        <dt>Disciplines</dt>
        <dd>{cycle.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(', ')}</dd>
        <dt>Invited</dt>
        <dd>
          <InvitedSummary cycle={cycle} />
        </dd>
        <dt>Opens</dt>
        <dd>
          <When at={cycle.opensAt} dateOnly />
        </dd>
        <dt>Deadline</dt>
        <dd>
          <When at={cycle.deadlineAt} />
        </dd>
        <dt>Reminders</dt>
        <dd>{cycle.reminderDays.length ? `${cycle.reminderDays.join(', ')} days before the deadline` : 'none'}</dd>
      </dl>
      <ExtensionsNote view={props.view} />
      {next && cycle.kind !== 'historical' && (
        <AdvanceCycleAction cycle={cycle} next={next} disabled={progress?.status === 'running'} />
      )}
      <JobProgressPanel id="sending" url={`/admin/cycles/${cycle.id}/progress/invitations`} pageHref={`/admin/cycles/${cycle.id}`} progress={progress} text={SENDING_TEXT}
        doneCount={props.view.invitationsCreated} />
      <CycleCalendarSection view={props.view} />
      {['closed', 'scored', 'released'].includes(cycle.status) && (
        <p>
          <a href={`/admin/cycles/${cycle.id}/reports`}>Reports, norms and release</a>
          {' · '}
          <a href={`/admin/cycles/${cycle.id}/publication`}>Public participation figures</a>
        </p>
      )}
      {cycle.status !== 'draft' && (
        <>
          <section aria-labelledby="counts-title">
            <h2 id="counts-title">Participation</h2>
            <ul class="cards figures" aria-label="Totals">
              <li class="card"><span class="figure">{total.invited}</span> invited</li>
              <li class="card"><span class="figure">{total.accepted}</span> accepted</li>
              <li class="card"><span class="figure">{total.declined}</span> declined</li>
              <li class="card"><span class="figure">{total.inProgress}</span> in progress</li>
              <li class="card"><span class="figure">{total.submitted}</span> submitted</li>
              <li class="card"><span class="figure">{total.completionPct}%</span> complete</li>
            </ul>
            {daily.length > 0 && (
              <ChartFigure
                id="daily-progress"
                svg={props.chartSvg}
                title="Schools accepted and submitted, day by day"
                description={`Cumulative counts from ${daily[0]!.day} to ${daily.at(-1)!.day}: ${daily.at(-1)!.accepted} accepted and ${daily.at(-1)!.submitted} submitted of ${total.invited} invited.`}
                table={{ caption: 'Cumulative schools by day', columns: ['Day', 'Accepted', 'Submitted'], rows: daily.map((d) => [d.day, d.accepted, d.submitted]) }}
              />
            )}
            <TallyTable caption="By discipline" keyLabel="Discipline" rows={byDiscipline.map((g) => ({ label: DISCIPLINE_LABELS[g.key as Discipline], tally: g.tally }))} />
            <TallyTable caption="By state" keyLabel="State" rows={byState.map((g) => ({ label: g.key, tally: g.tally }))} />
          </section>
          <CycleSchoolsSection view={props.view} query={props.query} />
        </>
      )}
    </>
  )
}
