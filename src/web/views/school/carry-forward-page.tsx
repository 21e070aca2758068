import type { CarryForwardOffer } from '../../../services/carry-forward/carry-forward'

/** What pre-filling from an earlier cycle would do, by area, before anyone agrees to it. */
export function CarryForwardPage({ offer }: { offer: CarryForwardOffer }) {
  const { response, source, plan } = offer
  const back = (
    <p>
      <a href={`/school/responses/${response.id}`}>← {response.schoolName}: {response.cycleTitle}</a>
    </p>
  )
  if (!source || !plan) {
    return (
      <>
        {back}
        <h1>Pre-fill from an earlier cycle</h1>
        <p>{response.schoolName} has no submitted response from an earlier cycle with a questionnaire this one can take answers from.</p>
      </>
    )
  }
  const total = plan.carried.length
  const { notAsked, noLongerValid, alreadyAnswered } = plan.skipped
  return (
    <>
      {back}
      <h1>Pre-fill from {source.cycleTitle}</h1>
      {response.carriedForwardFrom && <p class="notice notice-warning">This response was already pre-filled once. Pre-filling again adds only answers still missing.</p>}
      <p>
        {total === 0
          ? 'No answer from that response can be used here.'
          : `${total} ${total === 1 ? 'answer' : 'answers'} from ${source.cycleTitle} (${source.instrumentVersion}) can pre-fill this response.`}{' '}
        Each pre-filled answer is marked until someone on the team confirms it still holds. Answers already given this cycle are never replaced.
      </p>
      {plan.byArea.length > 0 && (
        <table class="prefill-counts">
          <caption class="visually-hidden">Answers that would be pre-filled, by area</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" class="num">Answers</th>
            </tr>
          </thead>
          <tbody>
            {plan.byArea.map((a) => (
              <tr>
                <th scope="row">{a.areaTitle}</th>
                <td class="num">{a.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Left out</h2>
      <ul>
        <li>{notAsked} not asked in this questionnaire</li>
        <li>{noLongerValid} no longer a valid answer to the question as asked now</li>
        <li>{alreadyAnswered} already answered this cycle</li>
      </ul>
      {total > 0 && response.status === 'in_progress' && (
        <form method="post" action={`/school/responses/${response.id}/carry-forward`}>
          <button type="submit" class="button">
            Pre-fill {total} {total === 1 ? 'answer' : 'answers'}
          </button>
        </form>
      )}
    </>
  )
}
