/**
 * Token → id for the trends vocabulary, looked up by the characters of a slice of a longer text,
 * so a word already seen costs no string. Open addressing over typed arrays; a hit is checked
 * character by character, so two words never share an id.
 */
export class WordIds {
  private slots = new Int32Array(1 << 14).fill(-1)
  private mask = (1 << 14) - 1
  private hashes = new Int32Array(1 << 13)
  private size = 0

  /** `words[id]` is the token with that id; the table reads it to confirm a hit. */
  constructor(private readonly words: readonly string[]) {}

  /** Id of `text.slice(start, end)`, or -1 when it has none yet. */
  find(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end)
    const length = end - start
    let slot = hash & this.mask
    for (;;) {
      const id = this.slots[slot]!
      if (id === -1) return -1
      if (this.hashes[id] === hash) {
        const word = this.words[id]!
        if (word.length === length && sameChars(word, text, start, length)) return id
      }
      slot = (slot + 1) & this.mask
    }
  }

  /** Record that `words[id]` (just pushed, not in the table yet) has `id`: ids come in order from 0. */
  add(id: number): void {
    const word = this.words[id]!
    if (id !== this.size) throw new Error(`WordIds.add: expected id ${this.size}, got ${id}; add every word once, in order`)
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    const hash = hashOf(word, 0, word.length)
    this.hashes[id] = hash
    this.size++
    if (this.size * 2 > this.mask) this.grow()
    else this.place(id, hash)
  }

  private place(id: number, hash: number): void {
    let slot = hash & this.mask
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask
    this.slots[slot] = id
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1
    this.slots = new Int32Array(this.mask + 1).fill(-1)
    for (let id = 0; id < this.size; id++) this.place(id, this.hashes[id]!)
  }
}

// FNV-1a over UTF-16 code units, then a final mix so the low bits (the slot) depend on every unit.
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  hash ^= hash >>> 15
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12)
}

function sameChars(word: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false
  return true
}
