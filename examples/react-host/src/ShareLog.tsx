/** One share as the React app keeps it, from the `advocacy-share` event's detail. */
export interface LoggedShare {
  id: string;
  network: string;
  url: string;
  points: number;
}

/** What the employee shared in this session, kept in React state. */
export function ShareLog({ shares }: { shares: LoggedShare[] }) {
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Shared this session</h2>
      {shares.length === 0 ? (
        <p>Nothing yet: pick a post and share it.</p>
      ) : (
        <ul>
          {shares.map((share) => (
            <li key={share.id}>
              {share.network}: <code>{share.url}</code> (+{share.points})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
