// Node has no Web Storage: the session store keeps the last claims in localStorage (for offline
// reloads), so the tests get a small in-memory one, as a fresh browser profile would have.
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

globalThis.localStorage ??= new MemoryStorage();
