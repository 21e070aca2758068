import { spawnSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { claimDataDir, DataDirInUse } from './data-dir-lock'

const scratch = mkdtempSync(join(tmpdir(), 'smm-lock-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const LOCK = 'smm-process.pid'

describe('claiming a PGlite data folder', () => {
  it('is refused while another live process holds it, naming that process', async () => {
    const dir = join(scratch, 'held')
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      claimDataDir(dir)() // creates the folder; released at once
      writeFileSync(join(dir, LOCK), `${other.pid}\n`)
      expect(() => claimDataDir(dir)).toThrow(DataDirInUse)
      expect(() => claimDataDir(dir)).toThrow(`in use by process ${other.pid}`)
    } finally {
      other.kill()
    }
  })

  it('is taken over from a process that is gone (killed without releasing it)', () => {
    const dir = join(scratch, 'stale')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    claimDataDir(dir)()
    writeFileSync(join(dir, LOCK), `${gone}\n`)
    const release = claimDataDir(dir)
    expect(readFileSync(join(dir, LOCK), 'utf8').trim()).toBe(String(process.pid))
    release()
    expect(existsSync(join(dir, LOCK))).toBe(false)
  })
})
