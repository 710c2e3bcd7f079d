import { eventRange } from '../../src/plan/event.js'
import {
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  workflowDispatchEvent
} from '../helpers/events.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const Z = '0'.repeat(40)
const ctx = (eventName: string, payload: unknown, ref = 'refs/heads/main') => ({
  eventName,
  payload: payload as Record<string, unknown>,
  sha: B,
  ref
})

describe('eventRange', () => {
  test('push compares the before and after trees', () => {
    expect(eventRange(ctx('push', pushEvent({ before: A, after: B })), {})).toMatchObject({
      kind: 'trees',
      base: A,
      head: B
    })
  })
  test('first push of the default branch: everything', () => {
    expect(eventRange(ctx('push', pushEvent({ before: Z, after: B })), {})).toMatchObject({
      kind: 'all',
      head: B
    })
  })
  test('new branch: merge-base with the default branch from the payload', () => {
    const payload = pushEvent({
      before: Z,
      after: B,
      ref: 'refs/heads/feat',
      defaultBranch: 'trunk'
    })
    expect(eventRange(ctx('push', payload, 'refs/heads/feat'), {})).toMatchObject({
      kind: 'merge-base',
      head: B,
      baseRef: 'trunk'
    })
  })
  test('branch deletion deploys nothing', () => {
    expect(eventRange(ctx('push', pushEvent({ before: A, after: Z })), {}).kind).toBe('none')
  })
  test('pull_request uses the payload base and head', () => {
    const payload = pullRequestEvent({ baseRef: 'main', baseSha: A, headRef: 'x', headSha: B })
    expect(eventRange(ctx('pull_request', payload), {})).toMatchObject({
      kind: 'merge-base',
      baseRef: 'main',
      baseSha: A,
      head: B
    })
  })
  test('merge_group uses base_sha and head_sha', () => {
    expect(
      eventRange(ctx('merge_group', mergeGroupEvent({ baseSha: A, headSha: B })), {})
    ).toMatchObject({
      kind: 'trees',
      base: A,
      head: B
    })
  })
  test('workflow_dispatch: the services input, else everything', () => {
    expect(
      eventRange(ctx('workflow_dispatch', workflowDispatchEvent()), { services: ['web'] })
    ).toMatchObject({
      kind: 'selection',
      services: ['web']
    })
    expect(eventRange(ctx('workflow_dispatch', workflowDispatchEvent()), {}).kind).toBe('all')
  })
  test('base/head inputs override the event', () => {
    expect(
      eventRange(ctx('push', pushEvent({ before: A, after: B })), { base: 'v1', head: 'v2' })
    ).toMatchObject({
      kind: 'trees',
      base: 'v1',
      head: 'v2'
    })
    expect(eventRange(ctx('schedule', {}), { base: 'v1' })).toMatchObject({
      kind: 'trees',
      base: 'v1',
      head: B
    })
  })
})
