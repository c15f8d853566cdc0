/**
 * Base of the collection proxies (WorksheetCollection, NamedItemCollection, TableCollection,
 * TableColumnCollection): `load("items/name")` loads `items` and, on each item, the named
 * properties; the items are made afresh from the book when the command runs.
 */
import { Proxy_ } from "./proxy";

export abstract class DoubleCollection<Item extends Proxy_> extends Proxy_ {
  private itemProps: string[] = [];
  get items(): Item[] {
    return this.read("items");
  }
  override load(props: string): this {
    this.itemProps = this.itemPropsOf(props);
    this.pending.add("items");
    this.ctx.track(this);
    return this;
  }
  /** The item properties a load names: "items/name" and a bare "name" alike. */
  protected itemPropsOf(props: string): string[] {
    return props
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
  }
  /** The collection's items as the book holds them when the command runs. */
  protected abstract itemsNow(): Item[];
  override resolve(): Record<string, unknown> {
    if (!this.pending.has("items")) return {};
    this.pending.clear();
    const items = this.itemsNow();
    for (const item of items) item.pending = new Set(this.itemProps);
    this.loaded.set("items", items);
    return { items: items.map((i) => i.resolve()) };
  }
}
