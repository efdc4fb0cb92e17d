// How a customer is named in pickers and results: its masked account name and name, as the server sends them.
export function customerLabel(c: { accountName: string; name: string }): string {
  return `${c.accountName} (${c.name})`;
}
