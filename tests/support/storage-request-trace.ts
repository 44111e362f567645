import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked for a storage request: the chain of service and store methods it was made under
 * (`LearningCapture.capture > RollupService.checkInSaved > RollupStore.get`), carried through
 * every await by AsyncLocalStorage. `traceCallers` wraps the methods of the given classes'
 * prototypes (for every instance, for the rest of the process: test files run in their own),
 * and `callerChain` reads the chain from inside the storage pipeline.
 */
const chain = new AsyncLocalStorage<string>();

export function traceCallers(prototypes: readonly object[]): void {
  for (const proto of prototypes) {
    const className = (proto as { constructor: { name: string } }).constructor.name;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const method = descriptor.value as (...args: unknown[]) => unknown;
      if ((method as { traced?: true }).traced) continue;
      const traced = function (this: unknown, ...args: unknown[]) {
        const parent = chain.getStore();
        const label = `${className}.${name}`;
        return chain.run(parent ? `${parent} > ${label}` : label, () => method.apply(this, args));
      };
      Object.assign(traced, { traced: true });
      Object.defineProperty(proto, name, { ...descriptor, value: traced });
    }
  }
}

/** The methods the current code runs under, outermost first; '' outside any traced method. */
export function callerChain(): string {
  return chain.getStore() ?? '';
}

/** The prototypes of these objects (each store, each service) and those they inherit from, for `traceCallers`. */
export function prototypesOf(objects: Iterable<object>): object[] {
  const found = new Set<object>();
  for (const o of objects)
    for (
      let proto = Object.getPrototypeOf(o) as object | null;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    )
      found.add(proto);
  return [...found];
}
