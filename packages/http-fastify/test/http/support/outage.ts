/**
 * Wraps a port so that, while `isDown()` holds, every method call fails with `failure()`.
 * It only drives the HTTP error mapping; real outages are the adapters' tests.
 */
export function withOutage<T extends object>(port: T, isDown: () => boolean, failure: () => unknown): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (isDown()) return Promise.reject(failure());
        return Reflect.apply(value, target, args);
      };
    },
  });
}
