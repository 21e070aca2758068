import type { Context } from 'hono'

/** A CSV file download: UTF-8 (the body carries its BOM), named for the person's folder. */
export function csvDownload(c: Context, filename: string, body: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="${filename}"`)
  c.header('Cache-Control', 'no-store')
  return c.body(body)
}
