// expect-none
import { deferred, bare } from './deferred'

export interface Job {
  resume: () => Promise<unknown>
  restart: () => Promise<unknown>
  rerun: () => Promise<unknown>
}

export function createJob(run: () => number): Job {
  const done = deferred<number>()
  const raw = bare<number>()
  let wake: (() => void) | undefined
  return {
    // hands out the handled promise
    resume: () => {
      wake?.()
      return done
    },
    // hands out a promise with no handler
    restart: () => {
      raw.resolve(run())
      return raw
    },
    // a new promise
    rerun: () => Promise.resolve().then(run),
  }
}
