import {describe, expect, it} from 'vitest'
import {decodeText} from '../../src/ingest/decode-text.js'
import {repairMojibake} from '../../src/ingest/repair-mojibake.js'

// Issue #22: "Africaís" for "Africa's" kept words from being counted.
describe('repairMojibake', () => {
  it.each([
    ['UTF-8 read as Windows-1252: apostrophe', 'Itâ€™s the partnersâ€™ plan', 'It’s the partners’ plan'],
    ['quotes and dashes', 'â€œSafeâ€\u009d â€“ and â€” moreâ€¦', '“Safe” – and — more…'],
    ['accented letters', 'CafÃ© in ZÃ¼rich, EspaÃ±a, GÃ¶teborg', 'Café in Zürich, España, Göteborg'],
    ['signs', 'Â© 2020, 20Â°C, â‚¬5, Brandâ„¢', '© 2020, 20°C, €5, Brand™'],
    [
      'Windows-1252 read as Mac Roman, in contractions',
      'Africaís future: donít wait, weíll see, theyíre here',
      'Africa’s future: don’t wait, we’ll see, they’re here'
    ]
  ])('%s', (_name, broken, fixed) => {
    const {text, messages} = repairMojibake(broken)
    expect(text).toBe(fixed)
    expect(messages).toEqual([expect.objectContaining({code: 'mojibake-repaired', severity: 'warning'})])
  })

  it.each([
    ['Spanish í', 'El país y la política de Perú'],
    ['Portuguese', 'SÃO PAULO e São Paulo'],
    ['German quotes after ß', '„Fuß“ und „Öl“'],
    ['Korean and Chinese', '한반도의 비핵화 社会主义'],
    ['plain English', "It's the partners' plan — 20°C, €5"]
  ])('leaves %s alone', (_name, text) => {
    expect(repairMojibake(text)).toEqual({text, messages: []})
  })

  it('names the count and an example', () => {
    expect(repairMojibake('Itâ€™s weâ€™re').messages[0]!.text).toBe(
      '2 character(s) had been decoded in the wrong code page and were repaired (such as "â€™" → "’")'
    )
  })

  it('runs when a text file is decoded', () => {
    const {text, messages} = decodeText(new TextEncoder().encode('Africaís future'), 'a.txt')
    expect(text).toBe('Africa’s future')
    expect(messages.map((message) => message.code)).toEqual(['mojibake-repaired'])
  })
})
