// expect-none: racelint:recommended; racelint:strict reports the async callback of an array method other than forEach below (array_methods_strict/)
// TypeScript: annotations and casts do not hide the async callback.
interface Order { id: string; paid: boolean; }

export class Billing {
  private async isPaid(order: Order): Promise<boolean> {
    const res = await fetch(`/orders/${order.id}/paid`);
    return (await res.json()) as boolean;
  }

  private async charge(order: Order): Promise<void> {
    await fetch(`/orders/${order.id}/charge`, { method: 'POST' });
  }

  async run(orders: Order[]): Promise<Order[]> {
    orders.map(async (o: Order): Promise<void> => { await this.charge(o); }); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    (orders as Order[]).map((o) => this.charge(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const unpaid = orders.filter((o) => this.isPaid(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const anyPaid = orders!.some(async (o: Order) => await this.isPaid(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const allPaid = orders.every(async (o): Promise<boolean> => o.paid); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const firstPaid = orders.findLast(async (o) => this.isPaid(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    await orders.map(async (o) => this.charge(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const charges: Promise<void>[] = orders.map((o) => this.charge(o)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    const count = await orders.reduce(async (n: number, o: Order) => (o.paid ? 1 : 0) + n, Promise.resolve(0)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
    console.log(anyPaid, allPaid, firstPaid, count);
    return unpaid;
  }

  // Near-misses
  async ok(orders: Order[]): Promise<Order[]> {
    await Promise.all(orders.map((o) => this.charge(o)));
    const flags: boolean[] = await Promise.all(orders.map((o) => this.isPaid(o)));
    const paid = orders.filter((_o, i) => flags[i]);
    const results = orders.map(async (o) => this.charge(o));
    await Promise.allSettled(results);
    const sum = await orders.reduce(async (accP: Promise<number>, o) => (await accP) + (o.paid ? 1 : 0), Promise.resolve(0));
    const ids = orders.map((o: Order): string => o.id);
    orders.forEach((o) => { void this.charge(o).catch(console.error); });
    console.log(sum, ids);
    return paid.filter((o) => o.paid);
  }

  fromOther(orders: Order[], other: { charge(o: Order): Promise<void> }): Promise<void[]> {
    return Promise.all(orders.map((o) => other.charge(o)));
  }
}
