import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {renderTemplate, wpdiffVersion} from '../../src/report/render.js'

describe('renderTemplate', () => {
  it('renders the layout with escaped context, lang and the version', () => {
    const html = renderTemplate('layout.njk', {lang: 'ko', title: '<script>alert(1)</script>'})
    expect(html).toContain('<html lang="ko">')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain(`wpdiff ${wpdiffVersion}`)
    expect(html.match(/<h1[\s>]/gu)).toHaveLength(1)
  })

  it('allows exactly the page’s own inline scripts in its Content-Security-Policy', () => {
    const html = renderTemplate('layout.njk', {lang: 'en', title: 'x'})
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'none'")
    const script = /<script>([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? ''
    const hash = createHash('sha256').update(script, 'utf8').digest('base64')
    expect(csp).toContain(`'sha256-${hash}'`)
    expect(html).not.toContain('%%WPDIFF')
  })

  it('throws when a template outputs an undefined value', () => {
    expect(() => renderTemplate('layout.njk', {lang: 'en'})).toThrow()
  })

  it('prints generatedAt only when given', () => {
    expect(renderTemplate('layout.njk', {lang: 'en', title: 'x'})).not.toContain(' on ')
    expect(renderTemplate('layout.njk', {lang: 'en', title: 'x', generatedAt: '2025-01-01'})).toContain('on 2025-01-01')
  })
})
