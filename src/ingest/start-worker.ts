import {Worker, type WorkerOptions} from 'node:worker_threads'

/**
 * Start the worker script `name` that sits beside the module whose `import.meta.url` is `here`: the
 * built `.js` file (dist/ and the command line's bundle keep workers beside their callers), or, run
 * from the TypeScript sources (the tests), the `.ts` file, which needs tsx to load.
 */
export function startWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options)
  const tsx = import.meta.resolve('tsx/esm/api')
  const script = new URL(`./${name}.ts`, here).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(({register}) => { register(); return import(${JSON.stringify(script)}) })`, {
    ...options,
    eval: true
  })
}
