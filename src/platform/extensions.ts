/**
 * Extension points 扩展点: a module that owns a process (the redemption, say) names a point; other
 * modules plug values into it from their definitions (`extend: [point.with(value)]`), so a risk
 * rule or a points effect joins the redemption without an edit to the redemption's code. The app
 * installs every module's extensions when it starts (src/context.ts), in module order.
 */
export interface Extension {
  point: string;
  install(): void;
}

export interface ExtensionPoint<T> {
  name: string;
  /** what is plugged in, in the order it was installed */
  list(): readonly T[];
  with(value: T): Extension;
}

export function extensionPoint<T>(name: string): ExtensionPoint<T> {
  const items: T[] = [];
  return {
    name,
    list: () => items,
    with: (value) => ({
      point: name,
      install: () => {
        if (!items.includes(value)) items.push(value);
      },
    }),
  };
}
