import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  acquireLock,
  currentOwner,
  ownerIsAlive,
  readOwner,
  stopLeftovers,
  type LockOwner
} from '../../src/deploy/lock.js'

describe('acquireLock', () => {
  let root: string
  let lock: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ls-lock-'))
    lock = join(root, 'web-aws.lock')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  /** A fake clock whose sleep advances time, so waiting is tested without real waiting. */
  function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
    let t = 1_000_000
    return { now: () => t, sleep: async ms => void (t += ms) }
  }

  const other: LockOwner = { host: hostname(), pid: 424242, start: '1' }

  it('creates the lock with its owner and removes it on release', async () => {
    const release = await acquireLock(lock, { timeoutMs: 0 })
    expect(readOwner(lock)).toEqual(currentOwner())
    release()
    expect(existsSync(lock)).toBe(false)
    release() // twice is harmless
  })

  it('waits for a live holder and fails after the timeout naming the lock and the holder', async () => {
    mkdirSync(lock)
    writeFileSync(join(lock, 'owner.json'), JSON.stringify(other))
    const waits: (LockOwner | undefined)[] = []
    const attempt = acquireLock(lock, {
      timeoutMs: 5000,
      isAlive: () => true,
      ...fakeClock(),
      onWait: h => waits.push(h)
    })
    await expect(attempt).rejects.toThrow(
      `Another job holds the deploy lock ${lock} (pid 424242 on ${hostname()})`
    )
    expect(waits).toEqual([other])
    expect(readOwner(lock)).toEqual(other) // a live holder's lock is never touched
  })

  it('gets the lock once the holder releases it', async () => {
    const first = await acquireLock(lock, { timeoutMs: 0 })
    let polls = 0
    const second = acquireLock(lock, {
      timeoutMs: 60_000,
      sleep: async () => {
        if (++polls === 3) first()
      }
    })
    const release = await second
    expect(polls).toBe(3)
    release()
  })

  it('takes over a lock whose process is gone', async () => {
    mkdirSync(lock)
    writeFileSync(join(lock, 'owner.json'), JSON.stringify(other))
    const release = await acquireLock(lock, { timeoutMs: 0, isAlive: () => false })
    expect(readOwner(lock)).toEqual(currentOwner())
    release()
  })

  it('is not taken over while a command group of its dead owner lives; then it is', async () => {
    // A docker command left behind by a killed job: a process group of its own.
    const orphan = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' })
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'owner.json'), JSON.stringify({ ...other, groups: [orphan.pid] }))
      await expect(acquireLock(lock, { timeoutMs: 0 })).rejects.toThrow('Another job holds')
      expect(await stopLeftovers(readOwner(lock), 2000)).toBe(true)
      const release = await acquireLock(lock, { timeoutMs: 0 })
      expect(readOwner(lock)).toEqual(currentOwner())
      release.track([4242])
      expect(readOwner(lock)?.groups).toEqual([4242])
      release()
    } finally {
      orphan.kill('SIGKILL')
    }
  })

  it('treats a lock without owner file as being created until the grace time has passed', async () => {
    mkdirSync(lock)
    await expect(acquireLock(lock, { timeoutMs: 0, graceMs: 60_000 })).rejects.toThrow(
      'Another job holds'
    )
    const old = new Date(Date.now() - 120_000)
    utimesSync(lock, old, old)
    const release = await acquireLock(lock, { timeoutMs: 0, graceMs: 60_000 })
    expect(readOwner(lock)).toEqual(currentOwner())
    release()
  })

  it('does not remove a lock that someone else holds by the time it releases', async () => {
    const release = await acquireLock(lock, { timeoutMs: 0 })
    writeFileSync(join(lock, 'owner.json'), JSON.stringify(other))
    release()
    expect(readOwner(lock)).toEqual(other)
  })

  it('serialises concurrent deploys in one process', async () => {
    const order: string[] = []
    const job = async (name: string): Promise<void> => {
      const release = await acquireLock(lock, { timeoutMs: 10_000, pollMs: 5 })
      order.push(`${name} start`)
      await new Promise(r => setTimeout(r, 20))
      order.push(`${name} end`)
      release()
    }
    await Promise.all([job('a'), job('b')])
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end'])
  })
})

describe('ownerIsAlive', () => {
  it('is true for this process and false for a reused pid or a missing process', () => {
    const me = currentOwner()
    expect(ownerIsAlive(me)).toBe(true)
    expect(ownerIsAlive({ ...me, start: 'not-the-start-time' })).toBe(false)
    expect(ownerIsAlive({ host: me.host, pid: 2 ** 22 + 1 })).toBe(false)
  })
})
