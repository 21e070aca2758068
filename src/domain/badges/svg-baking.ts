/**
 * Open Badges 3.0, "Baked Badge" › SVG: the credential goes in an `openbadges:credential` element, the compact JSON
 * in a CDATA section, with the `openbadges` namespace declared on the root `svg` element.
 */
export const OPEN_BADGES_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0'

const ELEMENT = /<openbadges:credential(?:\s[^>]*)?>([\s\S]*?)<\/openbadges:credential>\s*/
const ROOT = /<svg\b/

export function bakeSvg(svg: string, credentialJson: string): string {
  const unbaked = svg.replace(ELEMENT, '')
  const root = unbaked.match(/<svg\b[^>]*>/)
  if (!root || root.index === undefined) throw new Error('Not an SVG image: no <svg> element.')
  const openTag = root[0].includes('xmlns:openbadges=')
    ? root[0]
    : root[0].replace(ROOT, `<svg xmlns:openbadges="${OPEN_BADGES_SVG_NAMESPACE}"`)
  const element = `<openbadges:credential>${cdata(credentialJson)}</openbadges:credential>`
  return `${unbaked.slice(0, root.index)}${openTag}\n${element}${unbaked.slice(root.index + root[0].length)}`
}

/** The JSON text baked into the SVG, or null when the image carries none. */
export function extractSvgCredentialJson(svg: string): string | null {
  const match = svg.match(ELEMENT)
  if (!match) return null
  return readCharacterData(match[1] ?? '')
}

// "]]>" cannot appear inside a CDATA section; split it across two sections, as XML writers do.
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/** Joins CDATA sections and unescapes plain text (another baker may have escaped the JSON instead). */
function readCharacterData(content: string): string {
  let out = ''
  let rest = content
  while (rest.length) {
    const start = rest.indexOf('<![CDATA[')
    if (start === -1) {
      out += unescapeXmlText(rest)
      break
    }
    out += unescapeXmlText(rest.slice(0, start))
    const end = rest.indexOf(']]>', start + 9)
    if (end === -1) return out + rest.slice(start + 9)
    out += rest.slice(start + 9, end)
    rest = rest.slice(end + 3)
  }
  return out.trim()
}

function unescapeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10))
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? ''
  })
}
