// The links the redirect benchmarks click (bench/advocacy-redirect.mjs, bench/click-writer.mjs):
// one share per link, spread over 100 employees in 10 teams, 100 posts and 3 networks, so a batch
// of clicks on many links touches many rollup rows. Written straight into the database in one
// transaction.
const EMPLOYEES = 100;
const POSTS = 100;
const NETWORKS = ['linkedin', 'x', 'facebook'];

/** Seeds `db` (the server's Kysely) with a share for each [code, destination] of `links`. */
export async function seedLinks(db, links) {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('teams')
      .values(Array.from({ length: 10 }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}` })))
      .execute();
    await trx
      .insertInto('employees')
      .values(
        Array.from({ length: EMPLOYEES }, (_, e) => ({
          id: `emp-${e}`,
          display_name: `Bench ${e}`,
          team_id: `team-${e % 10}`,
          role: 'employee',
          locale: 'en',
          time_zone: 'UTC',
          avatar_url: null,
          policy_accepted_at: null,
          created_at: now,
        })),
      )
      .execute();
    for (let p = 0; p < POSTS; p++) {
      await trx
        .insertInto('posts')
        .values({
          id: `post-${p}`,
          kind: 'owned',
          status: 'published',
          title: `Bench ${p}`,
          summary: '',
          url: `https://example.com/article-${p}`,
          image_url: null,
          source: 'Example',
          locale: 'en',
          suggested_commentary: '{}',
          hashtags: '[]',
          topics: '[]',
          audience_teams: '[]',
          audience_roles: '[]',
          networks: '[]',
          publish_at: now,
          expire_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [i, [code, destination]] of links.entries()) {
      // Share i: employee i % 100, post (i / 3) % 100, network i % 3 — unique per employee, post and network.
      await trx
        .insertInto('shares')
        .values({
          id: `share-${i}`,
          employee_id: `emp-${i % EMPLOYEES}`,
          post_id: `post-${Math.floor(i / NETWORKS.length) % POSTS}`,
          network: NETWORKS[i % NETWORKS.length],
          commentary: '',
          idempotency_key: `bench-${i}`,
          request_hash: 'bench',
          tracking_code: code,
          destination,
          points_awarded: 0,
          created_at: now,
        })
        .execute();
    }
  });
}
