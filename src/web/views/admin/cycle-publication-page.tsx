import type { PublicationPreview } from '../../../services/cycles/participation-publication'
import type { Messages } from '../../i18n/messages'
import { When } from '../format'
import { CycleParticipationSection } from '../public/participation-page'
import { PilotNotice } from './cycle-sampling-summary'

/**
 * Publishing participation is its own step: the admin sees exactly what /participation would show for this cycle
 * (small counts already suppressed), then publishes or withdraws it.
 */
export function CyclePublicationPage({ preview, m }: { preview: PublicationPreview; m: Messages }) {
  const { cycle, refusal, figures } = preview
  const action = `/admin/cycles/${cycle.id}/publication`
  const published = cycle.participationPublishedAt
  return (
    <>
      <p>
        <a href={`/admin/cycles/${cycle.id}`}>← {cycle.title}</a>
      </p>
      <h1>Public participation figures</h1>
      <PilotNotice pilot={cycle.pilot} />
      {refusal ? (
        <p>{refusal} Nothing about this cycle appears on the public participation page.</p>
      ) : (
        <>
          <p>
            {published ? (
              <>
                <strong>Published</strong> <When at={published} />. This is what the public sees at <a href="/participation">/participation</a>.
              </>
            ) : (
              <>
                <strong>Not published.</strong> This is what the public will see at <a href="/participation">/participation</a> once you
                publish it. Counts under the privacy threshold are already hidden.
              </>
            )}
          </p>
          <div class="card">
            <p class="muted small">Preview of the public page</p>
            {figures && <CycleParticipationSection m={m} cycle={figures} />}
          </div>
          <form method="post" action={action}>
            <input type="hidden" name="publish" value={published ? 'no' : 'yes'} />
            <button type="submit" class={published ? 'button button-secondary' : 'button'}>
              {published ? 'Withdraw from the public page' : 'Publish on the public page'}
            </button>
          </form>
        </>
      )}
    </>
  )
}
