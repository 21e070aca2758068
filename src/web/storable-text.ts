/**
 * PostgreSQL's text cannot hold U+0000, so a NUL typed into any field would fail the statement that stores it (a
 * 500, the person's words lost). Nobody types one on purpose: it arrives pasted from a binary file or sent by a
 * script, so it is dropped where input comes in (forms, autosave JSON) and every other character is kept (decision 171).
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text
}

/** The same form with every text value made storable; files are passed on as they came (their readers check them). */
export function storableForm(form: FormData): FormData {
  const clean = new FormData()
  form.forEach((value, key) => clean.append(storableText(key), typeof value === 'string' ? storableText(value) : value))
  return clean
}

/** A JSON.parse reviver that makes every string storable. */
export function storableJsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? storableText(value) : value
}
