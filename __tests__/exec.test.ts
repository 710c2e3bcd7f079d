/** The runners against real programs: what comes back is exactly what the program wrote. */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import {
  CommandNotFoundError,
  type Runner,
  runCommand,
  runCommandInBackground,
  runCommandSync,
  spawnCommand,
  startCommand
} from '../src/exec.js'

describe.each([
  ['runCommand', runCommand],
  ['runCommandSync', runCommandSync],
  ['runCommandInBackground', runCommandInBackground],
  // Started first, given its input after.
  [
    'startCommand',
    (command, args, options) =>
      startCommand(command, args, options)(options?.input ?? Buffer.alloc(0))
  ]
] as Array<[string, Runner]>)('%s', (_name, runner) => {
  const node = (script: string, input?: Buffer) =>
    runner(process.execPath, ['-e', script], { input })

  test('large output with multi-byte characters comes back whole', async () => {
    // 3 MB in many chunks: a 2-byte character is bound to straddle a chunk boundary somewhere.
    const result = await node(
      "for (let i = 0; i < 1000; i++) process.stdout.write('é'.repeat(1000) + 'x'); process.stderr.write('ünï')"
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(('é'.repeat(1000) + 'x').repeat(1000))
    expect(result.stderr).toBe('ünï')
  })

  test('input reaches stdin; without input stdin is at its end at once', async () => {
    const echo = 'process.stdin.pipe(process.stdout)'
    expect((await node(echo, Buffer.from('a\0b\n'))).stdout).toBe('a\0b\n')
    expect((await node(echo)).stdout).toBe('')
  })

  test('exit codes and signals become a non-zero exit code', async () => {
    expect((await node('process.exit(3)')).exitCode).toBe(3)
    expect((await node("process.kill(process.pid, 'SIGTERM')")).exitCode).toBe(128 + 15)
  })

  test('a program that is not installed is a CommandNotFoundError naming it', async () => {
    const run = runner('no-such-program-launch-service', ['x'])
    await expect(run).rejects.toBeInstanceOf(CommandNotFoundError)
    await expect(run).rejects.toThrow(
      'Cannot run no-such-program-launch-service: not found on PATH'
    )
  })

  test('a missing working directory is named as such, not as a program missing from PATH', async () => {
    const run = runner('git', ['status'], { cwd: '/nonexistent/launch-service-workspace' })
    await expect(run).rejects.not.toBeInstanceOf(CommandNotFoundError)
    await expect(run).rejects.toThrow(
      'Cannot run git in /nonexistent/launch-service-workspace: that folder does not exist'
    )
  })
})

describe('runCommandInBackground', () => {
  test('leaves no file behind, also when the program is killed', async () => {
    const mine = () =>
      readdirSync(tmpdir()).filter(f => f.startsWith(`launch-service-${process.pid}-`))
    await runCommandInBackground('git', ['--version'])
    const marker = `ls-background-${process.pid}`
    const killed = runCommandInBackground(process.execPath, [
      '-e',
      `setTimeout(() => {}, 60000) // ${marker}`
    ])
    expect(mine()).toEqual([])
    execFileSync('pkill', ['-KILL', '-f', marker])
    expect((await killed).exitCode).toBe(128 + 9)
    expect(mine()).toEqual([])
  })
})

describe('spawnCommand for deploy', () => {
  test('detached, the program leads its own process group, whose ID onStart gets', async () => {
    let started: number | undefined
    const result = await spawnCommand(
      'sh',
      ['-c', 'ps -o pgid= -p $$'],
      {},
      {
        detached: true,
        onStart: pid => (started = pid)
      }
    )
    expect(result.exitCode).toBe(0)
    expect(Number(result.stdout.trim())).toBe(started)
  })

  test('start errors are named as for every command', async () => {
    await expect(
      spawnCommand('docker', ['ps'], { cwd: '/nonexistent/ls-service' }, { detached: true })
    ).rejects.toThrow('Cannot run docker in /nonexistent/ls-service: that folder does not exist')
    await expect(
      spawnCommand('no-such-program-launch-service', [], {}, { detached: true })
    ).rejects.toBeInstanceOf(CommandNotFoundError)
  })
})
