/** Every public URL the credentials name, derived from the app's base URL in one place (decision 120). */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1'
export const STATUS_LIST_NUMBER = 1

export const badgeUrls = (baseUrl: string) => ({
  issuer: `${baseUrl}/badges/issuer`,
  verificationMethod: `${baseUrl}/badges/issuer#key-1`,
  statusList: `${baseUrl}/badges/status/${STATUS_LIST_NUMBER}`,
  verification: (publicId: string) => `${baseUrl}/badges/verify/${encodeURIComponent(publicId)}`,
  svg: (publicId: string) => `${baseUrl}/badges/${encodeURIComponent(publicId)}.svg`,
  achievement: (cycleTitle: string, discipline: string) =>
    `${baseUrl}/badges/achievements/${encodeURIComponent(slug(cycleTitle))}/${encodeURIComponent(discipline)}`,
})

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'cycle'
