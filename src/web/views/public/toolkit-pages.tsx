import { paragraphsOf } from '../../../domain/resources/resource-rules'
import type { Messages } from '../../i18n/messages'

type ResourceSummary = { slug: string; title: string; summary: string; body: string; fileName: string | null; fileSize: number | null }

export function ToolkitsPage({ m, toolkits }: { m: Messages; toolkits: ResourceSummary[] }) {
  return (
    <>
      <h1>{m.toolkits.title}</h1>
      <p class="lead">{m.toolkits.intro}</p>
      {toolkits.length === 0 ? (
        <p>{m.toolkits.none}</p>
      ) : (
        <ul class="champion-list cards">
          {toolkits.map((t) => (
            <li class="card">
              <h2>
                <a href={`/toolkits/${t.slug}`}>{t.title}</a>
              </h2>
              <p>{t.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** A resource's page: its body is plain text, shown paragraph by paragraph and escaped like all text. */
export function ResourcePage({ m, resource }: { m: Messages; resource: ResourceSummary }) {
  return (
    <article class="prose">
      <p>
        <a href="/toolkits">← {m.toolkits.back}</a>
      </p>
      <h1>{resource.title}</h1>
      <p class="lead">{resource.summary}</p>
      {paragraphsOf(resource.body).map((p) => (
        <p class="pre-line">{p}</p>
      ))}
      {resource.fileName && (
        <p>
          <a class="button" href={`/toolkits/${resource.slug}/file`}>
            {m.toolkits.download(resource.fileName, fileSizeText(resource.fileSize ?? 0))}
          </a>
        </p>
      )}
    </article>
  )
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
