import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mayFetchLazily } from '../../src/plan/git.js'
import { TestRepo, git } from '../helpers/git.js'

describe('mayFetchLazily', () => {
  let repo: TestRepo
  beforeEach(() => {
    repo = new TestRepo()
    repo.commit({ 'services/web/compose.yaml': 'services: {}\n' })
    repo.push('origin', 'main')
  })
  afterEach(() => repo.cleanup())

  test('a full or shallow clone fetches nothing on its own', () => {
    expect(mayFetchLazily(repo.checkout())).toBe(false)
    expect(mayFetchLazily(repo.checkout({ depth: 1 }))).toBe(false)
  })

  test('a blob-less clone (a sparse actions/checkout) does', () => {
    expect(mayFetchLazily(repo.checkout({ depth: 1, blobless: true }))).toBe(true)
  })

  test('what cannot be read from the clone’s own config counts as yes', () => {
    const linked = join(repo.root, 'linked')
    git(repo.work, 'worktree', 'add', '-q', linked)
    // A linked worktree: .git is a file pointing elsewhere.
    expect(mayFetchLazily(linked)).toBe(true)
    expect(mayFetchLazily(join(repo.root, 'no-such-folder'))).toBe(true)
    const included = repo.checkout()
    writeFileSync(join(included, '.git/config'), '[include]\n\tpath = elsewhere\n', { flag: 'a' })
    expect(mayFetchLazily(included)).toBe(true)
  })
})
