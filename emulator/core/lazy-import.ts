/**
 * A CommonJS package imported on first use. Node's namespace for it names its exports and holds
 * them all under `default`; a bundle's namespace may hold only `default`: read that one.
 */
export async function importCommonJs<T>(load: () => Promise<T>): Promise<T> {
  const namespace = (await load()) as T & { default?: T };
  return namespace.default ?? namespace;
}
