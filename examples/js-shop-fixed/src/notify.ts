// notify.ts - e-mail notifications.
import { fetch } from './net.js';

export interface Customer { id: string; email: string; }

export async function sendReceipt(customer: Customer, orderId: string): Promise<void> {
  const res = await fetch('https://mail.invalid/send', {
    method: 'POST',
    body: JSON.stringify({ to: customer.email, orderId }),
  });
  if (!res.ok) throw new Error(`receipt for ${orderId} not sent: ${res.status}`);
}

export async function remindCustomer(customer: Customer): Promise<void> {
  await fetch(`https://mail.invalid/remind/${customer.id}`);
}
