export function bundleClientScripts(): Promise<{ bundles: Map<string, string>; inputs: string[] }>
