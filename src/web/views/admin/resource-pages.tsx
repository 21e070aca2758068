import { MAX_RESOURCE_FILE_BYTES, RESOURCE_KINDS, type ResourceKind } from '../../../domain/resources/resource-rules'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { TextAreaField } from '../long-form-fields'
import { fileSizeText } from '../public/toolkit-pages'

const KIND_LABELS: Record<ResourceKind, string> = { toolkit: 'Toolkit (public list)', 'area-resource': 'Area resource (linked from reports)' }

type Row = { id: string; slug: string; kind: ResourceKind; areaId: string | null; title: string; fileName: string | null; fileSize: number | null; updatedAt: Date }
type Area = { id: string; name: string; domain: string }

export function ResourceListPage({ resources }: { resources: Row[] }) {
  return (
    <>
      <h1>Toolkits and resources</h1>
      <p>Toolkits appear on the public Toolkits page. Area resources are linked from school reports beside the area they help with.</p>
      <p>
        <a class="button" href="/admin/resources/new">
          Add a resource
        </a>
      </p>
      {resources.length === 0 ? (
        <p>No resources yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Area</th>
                <th scope="col">File</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/resources/${r.id}`}>{r.title}</a>
                    <div class="muted small">/toolkits/{r.slug}</div>
                  </td>
                  <td>{KIND_LABELS[r.kind]}</td>
                  <td>{r.areaId ?? '—'}</td>
                  <td>{r.fileName ? `${r.fileName} (${fileSizeText(r.fileSize ?? 0)})` : '—'}</td>
                  <td>
                    <When at={r.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export function ResourceFormPage(props: { resource?: Row | undefined; form: FormState; areas: Area[] }) {
  const { resource, form } = props
  const action = resource ? `/admin/resources/${resource.id}` : '/admin/resources'
  const fileError = form.errors.file?.[0]
  return (
    <section class="narrow">
      <p>
        <a href="/admin/resources">← All resources</a>
      </p>
      <h1>{resource ? `Edit “${resource.title}”` : 'Add a resource'}</h1>
      <ErrorSummary form={form} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <TextField name="title" label="Title" form={form} required />
        <TextAreaField name="summary" label="Summary" hint="One or two sentences, shown in lists." form={form} rows={3} required />
        <TextAreaField name="body" label="Text" hint="Plain text. Leave a blank line between paragraphs." form={form} rows={10} />
        <SelectField name="kind" label="Kind" form={form} options={RESOURCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <SelectField
          name="areaId"
          label="Area (for area resources)"
          form={form}
          blank="No area"
          options={props.areas.map((a) => ({ value: a.id, label: `${a.domain}: ${a.name}` }))}
        />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="file">{resource?.fileName ? 'Replace the file (optional)' : 'File to download (optional)'}</label>
          <p class="hint" id="file-hint">
            PDF, Word, PowerPoint, Excel or plain text, at most {fileSizeText(MAX_RESOURCE_FILE_BYTES)}.
            {resource?.fileName && ` Now: ${resource.fileName} (${fileSizeText(resource.fileSize ?? 0)}).`}
          </p>
          {fileError && (
            <p class="error-message" id="file-error">
              {fileError}
            </p>
          )}
          <input id="file" name="file" type="file" accept=".pdf,.docx,.pptx,.xlsx,.txt" aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <button type="submit" class="button">
          {resource ? 'Save changes' : 'Add the resource'}
        </button>
      </form>
      {resource && (
        <>
          <h2>More</h2>
          <p>
            <a href={`/toolkits/${resource.slug}`}>See the public page</a>
          </p>
          {resource.fileName && (
            <form method="post" action={`/admin/resources/${resource.id}/remove-file`}>
              <button type="submit" class="button button-secondary">
                Remove the file
              </button>
            </form>
          )}
          <form method="post" action={`/admin/resources/${resource.id}/delete`}>
            <p>
              <button type="submit" class="button button-secondary">
                Delete this resource
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  )
}
