/** The same server, another database name. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** CREATE and DROP DATABASE need a connection to some other database; `postgres` always exists. */
export const adminUrl = (serverUrl: string) => databaseUrlFor(serverUrl, 'postgres')
